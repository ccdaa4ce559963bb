//! Every text of Confluo's screens, keyed by its English, with its German, Spanish, French,
//! Italian, Russian and Simplified Chinese translations. `{name}` marks a value filled in when
//! the text is shown; each translation keeps the same ones (a test checks).

use super::Lang;

pub(super) struct Entry {
    pub en: &'static str,
    pub de: &'static str,
    pub es: &'static str,
    pub fr: &'static str,
    pub it: &'static str,
    pub ru: &'static str,
    pub zh: &'static str,
}

impl Entry {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Es => self.es,
            Lang::Fr => self.fr,
            Lang::It => self.it,
            Lang::Ru => self.ru,
            Lang::Zh => self.zh,
        }
    }
}

/// One entry: English, German, Spanish, French, Italian, Russian, Chinese.
macro_rules! e {
    ($en:literal, $de:literal, $es:literal, $fr:literal, $it:literal, $ru:literal, $zh:literal $(,)?) => {
        Entry {
            en: $en,
            de: $de,
            es: $es,
            fr: $fr,
            it: $it,
            ru: $ru,
            zh: $zh,
        }
    };
}

pub(super) const ENTRIES: &[Entry] = &[
    // Shared words.
    e!(
        "Open",
        "Öffnen",
        "Abrir",
        "Ouvrir",
        "Apri",
        "Открыть",
        "打开"
    ),
    e!(
        "Cancel",
        "Abbrechen",
        "Cancelar",
        "Annuler",
        "Annulla",
        "Отмена",
        "取消"
    ),
    e!(
        "Save",
        "Speichern",
        "Guardar",
        "Enregistrer",
        "Salva",
        "Сохранить",
        "保存"
    ),
    e!(
        "Document",
        "Dokument",
        "Documento",
        "Document",
        "Documento",
        "Документ",
        "文档"
    ),
    e!(
        "Spreadsheet",
        "Tabelle",
        "Hoja de cálculo",
        "Classeur",
        "Foglio di calcolo",
        "Таблица",
        "电子表格"
    ),
    e!(
        "Presentation",
        "Präsentation",
        "Presentación",
        "Présentation",
        "Presentazione",
        "Презентация",
        "演示文稿"
    ),
    e!("PDF", "PDF", "PDF", "PDF", "PDF", "PDF", "PDF"),
    e!(
        "File", "Datei", "Archivo", "Fichier", "File", "Файл", "文件"
    ),
    e!(
        "Other file",
        "Andere Datei",
        "Otro archivo",
        "Autre fichier",
        "Altro file",
        "Другой файл",
        "其他文件"
    ),
    e!(
        "version",
        "Version",
        "versión",
        "version",
        "versione",
        "версия",
        "版本"
    ),
    e!(
        "Cannot open the document",
        "Das Dokument kann nicht geöffnet werden",
        "No se puede abrir el documento",
        "Impossible d'ouvrir le document",
        "Impossibile aprire il documento",
        "Не удалось открыть документ",
        "无法打开文档"
    ),
    e!(
        "Cannot list attachments",
        "Die Anhänge können nicht aufgelistet werden",
        "No se pueden listar los archivos adjuntos",
        "Impossible de lister les pièces jointes",
        "Impossibile elencare gli allegati",
        "Не удалось получить список вложений",
        "无法列出附件"
    ),
    // The document macro.
    e!(
        "Cannot open the dialog",
        "Der Dialog kann nicht geöffnet werden",
        "No se puede abrir el cuadro de diálogo",
        "Impossible d'ouvrir la boîte de dialogue",
        "Impossibile aprire la finestra di dialogo",
        "Не удалось открыть диалог",
        "无法打开对话框"
    ),
    e!(
        "Cannot reload the page",
        "Die Seite kann nicht neu geladen werden",
        "No se puede recargar la página",
        "Impossible de recharger la page",
        "Impossibile ricaricare la pagina",
        "Не удалось перезагрузить страницу",
        "无法重新加载页面"
    ),
    e!(
        "No document chosen yet. Edit the macro to pick one of the page's attachments.",
        "Noch kein Dokument gewählt. Bearbeiten Sie das Makro, um einen Anhang der Seite auszuwählen.",
        "Aún no se ha elegido ningún documento. Edite la macro para elegir uno de los archivos adjuntos de la página.",
        "Aucun document choisi. Modifiez la macro pour choisir une pièce jointe de la page.",
        "Nessun documento scelto. Modifica la macro per scegliere uno degli allegati della pagina.",
        "Документ ещё не выбран. Измените макрос, чтобы выбрать одно из вложений страницы.",
        "尚未选择文档。编辑此宏以选择页面的一个附件。"
    ),
    e!(
        "Loading {name}…",
        "{name} wird geladen…",
        "Cargando {name}…",
        "Chargement de {name}…",
        "Caricamento di {name}…",
        "Загрузка {name}…",
        "正在加载 {name}…"
    ),
    e!(
        "No changes reported by Confluence since the app was installed.",
        "Confluence hat seit der Installation der App keine Änderungen gemeldet.",
        "Confluence no ha informado de cambios desde que se instaló la aplicación.",
        "Confluence n'a signalé aucune modification depuis l'installation de l'application.",
        "Confluence non ha segnalato modifiche dall'installazione dell'app.",
        "Confluence не сообщал об изменениях с момента установки приложения.",
        "自安装此应用以来，Confluence 未报告任何更改。"
    ),
    e!(
        "Open the page to edit or view this document.",
        "Öffnen Sie die Seite, um dieses Dokument zu bearbeiten oder anzusehen.",
        "Abra la página para editar o ver este documento.",
        "Ouvrez la page pour modifier ou consulter ce document.",
        "Apri la pagina per modificare o visualizzare questo documento.",
        "Откройте страницу, чтобы редактировать или просмотреть этот документ.",
        "打开页面以编辑或查看此文档。"
    ),
    e!(
        "Other documents on this page…",
        "Andere Dokumente auf dieser Seite…",
        "Otros documentos de esta página…",
        "Autres documents de cette page…",
        "Altri documenti di questa pagina…",
        "Другие документы на этой странице…",
        "此页面上的其他文档…"
    ),
    e!(
        "{name} was added to this page.",
        "{name} wurde dieser Seite hinzugefügt.",
        "Se ha añadido {name} a esta página.",
        "{name} a été ajouté à cette page.",
        "{name} è stato aggiunto a questa pagina.",
        "{name} добавлен на эту страницу.",
        "{name} 已添加到此页面。"
    ),
    e!(
        "Reload the page",
        "Seite neu laden",
        "Recargar la página",
        "Recharger la page",
        "Ricarica la pagina",
        "Перезагрузить страницу",
        "重新加载页面"
    ),
    e!(
        "Don't tell me again",
        "Nicht mehr anzeigen",
        "No volver a avisarme",
        "Ne plus me le dire",
        "Non dirmelo più",
        "Больше не сообщать",
        "不再提示"
    ),
    e!(
        "Chosen in the dialog: {name}",
        "Im Dialog gewählt: {name}",
        "Elegido en el cuadro de diálogo: {name}",
        "Choisi dans la boîte de dialogue : {name}",
        "Scelto nella finestra di dialogo: {name}",
        "Выбрано в диалоге: {name}",
        "在对话框中选择：{name}"
    ),
    e!(
        "Confluence reported: attached, version {version}.",
        "Confluence meldet: angehängt, Version {version}.",
        "Confluence informó: adjuntado, versión {version}.",
        "Confluence a signalé : ajouté, version {version}.",
        "Confluence ha segnalato: allegato, versione {version}.",
        "Confluence сообщил: вложен, версия {version}.",
        "Confluence 报告：已附加，版本 {version}。"
    ),
    e!(
        "Confluence reported: updated, version {version}.",
        "Confluence meldet: aktualisiert, Version {version}.",
        "Confluence informó: actualizado, versión {version}.",
        "Confluence a signalé : mis à jour, version {version}.",
        "Confluence ha segnalato: aggiornato, versione {version}.",
        "Confluence сообщил: обновлён, версия {version}.",
        "Confluence 报告：已更新，版本 {version}。"
    ),
    e!(
        "Confluence reported: attached.",
        "Confluence meldet: angehängt.",
        "Confluence informó: adjuntado.",
        "Confluence a signalé : ajouté.",
        "Confluence ha segnalato: allegato.",
        "Confluence сообщил: вложен.",
        "Confluence 报告：已附加。"
    ),
    e!(
        "Confluence reported: updated.",
        "Confluence meldet: aktualisiert.",
        "Confluence informó: actualizado.",
        "Confluence a signalé : mis à jour.",
        "Confluence ha segnalato: aggiornato.",
        "Confluence сообщил: обновлён.",
        "Confluence 报告：已更新。"
    ),
    e!(
        "Cannot read the attachment",
        "Der Anhang kann nicht gelesen werden",
        "No se puede leer el archivo adjunto",
        "Impossible de lire la pièce jointe",
        "Impossibile leggere l'allegato",
        "Не удалось прочитать вложение",
        "无法读取附件"
    ),
    e!(
        "Confluo server",
        "Confluo-Server",
        "Servidor de Confluo",
        "Serveur Confluo",
        "Server di Confluo",
        "Сервер Confluo",
        "Confluo 服务器"
    ),
    e!(
        "{name} is no longer attached to this page.",
        "{name} ist nicht mehr an diese Seite angehängt.",
        "{name} ya no está adjunto a esta página.",
        "{name} n'est plus joint à cette page.",
        "{name} non è più allegato a questa pagina.",
        "{name} больше не вложен в эту страницу.",
        "{name} 已不再附加到此页面。"
    ),
    // The attachments dialog and its list.
    e!(
        "Choose a document, or cancel.",
        "Wählen Sie ein Dokument oder brechen Sie ab.",
        "Elija un documento o cancele.",
        "Choisissez un document ou annulez.",
        "Scegli un documento o annulla.",
        "Выберите документ или отмените.",
        "请选择文档，或取消。"
    ),
    e!(
        "Choose a document first.",
        "Wählen Sie zuerst ein Dokument.",
        "Elija primero un documento.",
        "Choisissez d'abord un document.",
        "Scegli prima un documento.",
        "Сначала выберите документ.",
        "请先选择文档。"
    ),
    e!(
        "Office documents on this page",
        "Office-Dokumente auf dieser Seite",
        "Documentos de Office de esta página",
        "Documents Office de cette page",
        "Documenti Office di questa pagina",
        "Офисные документы на этой странице",
        "此页面上的 Office 文档"
    ),
    e!(
        "Recently opened here: {names}",
        "Zuletzt hier geöffnet: {names}",
        "Abiertos recientemente aquí: {names}",
        "Ouverts récemment ici : {names}",
        "Aperti di recente qui: {names}",
        "Недавно открытые здесь: {names}",
        "最近在此打开：{names}"
    ),
    e!(
        "View only",
        "Nur ansehen",
        "Solo ver",
        "Consulter seulement",
        "Solo visualizzazione",
        "Только просмотр",
        "仅查看"
    ),
    e!(
        "New document",
        "Neues Dokument",
        "Nuevo documento",
        "Nouveau document",
        "Nuovo documento",
        "Новый документ",
        "新建文档"
    ),
    e!(
        "New spreadsheet",
        "Neue Tabelle",
        "Nueva hoja de cálculo",
        "Nouveau classeur",
        "Nuovo foglio di calcolo",
        "Новая таблица",
        "新建电子表格"
    ),
    e!(
        "New presentation",
        "Neue Präsentation",
        "Nueva presentación",
        "Nouvelle présentation",
        "Nuova presentazione",
        "Новая презентация",
        "新建演示文稿"
    ),
    e!("Type", "Typ", "Tipo", "Type", "Tipo", "Тип", "类型"),
    e!("Name", "Name", "Nombre", "Nom", "Nome", "Имя", "名称"),
    e!(
        "Creating…",
        "Wird erstellt…",
        "Creando…",
        "Création…",
        "Creazione…",
        "Создание…",
        "正在创建…"
    ),
    e!(
        "Create",
        "Erstellen",
        "Crear",
        "Créer",
        "Crea",
        "Создать",
        "创建"
    ),
    e!(
        "Created {name}.",
        "{name} wurde erstellt.",
        "Se ha creado {name}.",
        "{name} a été créé.",
        "{name} è stato creato.",
        "{name} создан.",
        "已创建 {name}。"
    ),
    e!(
        "Loading attachments…",
        "Anhänge werden geladen…",
        "Cargando archivos adjuntos…",
        "Chargement des pièces jointes…",
        "Caricamento degli allegati…",
        "Загрузка вложений…",
        "正在加载附件…"
    ),
    e!(
        "This page has no attachments yet.",
        "Diese Seite hat noch keine Anhänge.",
        "Esta página aún no tiene archivos adjuntos.",
        "Cette page n'a pas encore de pièces jointes.",
        "Questa pagina non ha ancora allegati.",
        "У этой страницы пока нет вложений.",
        "此页面还没有附件。"
    ),
    e!(
        "Attachments",
        "Anhänge",
        "Archivos adjuntos",
        "Pièces jointes",
        "Allegati",
        "Вложения",
        "附件"
    ),
    e!(
        "Being edited by {names}",
        "Wird bearbeitet von {names}",
        "Lo está editando {names}",
        "En cours de modification par {names}",
        "In modifica da {names}",
        "Редактирует: {names}",
        "正在编辑：{names}"
    ),
    // The macro editor.
    e!(
        "Choose an attachment first.",
        "Wählen Sie zuerst einen Anhang.",
        "Elija primero un archivo adjunto.",
        "Choisissez d'abord une pièce jointe.",
        "Scegli prima un allegato.",
        "Сначала выберите вложение.",
        "请先选择附件。"
    ),
    e!(
        "Choose a document",
        "Dokument wählen",
        "Elegir un documento",
        "Choisir un document",
        "Scegli un documento",
        "Выберите документ",
        "选择文档"
    ),
    e!(
        "Show a preview of the document on the page",
        "Eine Vorschau des Dokuments auf der Seite zeigen",
        "Mostrar una vista previa del documento en la página",
        "Afficher un aperçu du document sur la page",
        "Mostra un'anteprima del documento nella pagina",
        "Показывать предпросмотр документа на странице",
        "在页面上显示文档预览"
    ),
    e!(
        "Caption (optional)",
        "Bildunterschrift (optional)",
        "Leyenda (opcional)",
        "Légende (facultatif)",
        "Didascalia (facoltativa)",
        "Подпись (необязательно)",
        "说明（可选）"
    ),
    // The space's file browser.
    e!(
        "{name} was moved to the trash.",
        "{name} wurde in den Papierkorb verschoben.",
        "{name} se ha movido a la papelera.",
        "{name} a été placé dans la corbeille.",
        "{name} è stato spostato nel cestino.",
        "{name} перемещён в корзину.",
        "{name} 已移至回收站。"
    ),
    e!(
        "Cannot delete the file",
        "Die Datei kann nicht gelöscht werden",
        "No se puede eliminar el archivo",
        "Impossible de supprimer le fichier",
        "Impossibile eliminare il file",
        "Не удалось удалить файл",
        "无法删除文件"
    ),
    e!(
        "Office documents in {space}",
        "Office-Dokumente in {space}",
        "Documentos de Office en {space}",
        "Documents Office dans {space}",
        "Documenti Office in {space}",
        "Офисные документы в {space}",
        "{space} 中的 Office 文档"
    ),
    e!(
        "Office documents",
        "Office-Dokumente",
        "Documentos de Office",
        "Documents Office",
        "Documenti Office",
        "Офисные документы",
        "Office 文档"
    ),
    e!(
        "Search",
        "Suchen",
        "Buscar",
        "Rechercher",
        "Cerca",
        "Поиск",
        "搜索"
    ),
    e!(
        "File name",
        "Dateiname",
        "Nombre de archivo",
        "Nom du fichier",
        "Nome del file",
        "Имя файла",
        "文件名"
    ),
    e!("Kind", "Art", "Clase", "Type", "Tipo", "Вид", "种类"),
    e!(
        "All kinds",
        "Alle Arten",
        "Todas las clases",
        "Tous les types",
        "Tutti i tipi",
        "Все виды",
        "所有种类"
    ),
    e!(
        "Sort by",
        "Sortieren nach",
        "Ordenar por",
        "Trier par",
        "Ordina per",
        "Сортировка",
        "排序方式"
    ),
    e!(
        "Loading the space's documents…",
        "Die Dokumente des Bereichs werden geladen…",
        "Cargando los documentos del espacio…",
        "Chargement des documents de l'espace…",
        "Caricamento dei documenti dello spazio…",
        "Загрузка документов пространства…",
        "正在加载空间的文档…"
    ),
    e!(
        "Only the 1000 most recently changed files of this space are listed.",
        "Nur die 1000 zuletzt geänderten Dateien dieses Bereichs werden aufgeführt.",
        "Solo se muestran los 1000 archivos de este espacio modificados más recientemente.",
        "Seuls les 1000 fichiers de cet espace modifiés le plus récemment sont listés.",
        "Sono elencati solo i 1000 file di questo spazio modificati più di recente.",
        "Показаны только 1000 последних изменённых файлов этого пространства.",
        "仅列出此空间中最近更改的 1000 个文件。"
    ),
    e!(
        "Page",
        "Seite",
        "Página",
        "Page",
        "Pagina",
        "Страница",
        "页面"
    ),
    e!(
        "Size",
        "Größe",
        "Tamaño",
        "Taille",
        "Dimensione",
        "Размер",
        "大小"
    ),
    e!(
        "Last changed",
        "Zuletzt geändert",
        "Último cambio",
        "Dernière modification",
        "Ultima modifica",
        "Последнее изменение",
        "最后更改"
    ),
    e!(
        "Actions",
        "Aktionen",
        "Acciones",
        "Actions",
        "Azioni",
        "Действия",
        "操作"
    ),
    e!(
        "Pages",
        "Seiten",
        "Páginas",
        "Pages",
        "Pagine",
        "Страницы",
        "分页"
    ),
    e!(
        "Previous",
        "Zurück",
        "Anterior",
        "Précédent",
        "Precedente",
        "Назад",
        "上一页"
    ),
    e!(
        "Next",
        "Weiter",
        "Siguiente",
        "Suivant",
        "Successiva",
        "Далее",
        "下一页"
    ),
    e!(
        "Page {page} of {pages}",
        "Seite {page} von {pages}",
        "Página {page} de {pages}",
        "Page {page} sur {pages}",
        "Pagina {page} di {pages}",
        "Страница {page} из {pages}",
        "第 {page} 页，共 {pages} 页"
    ),
    e!(
        "by {name}",
        "von {name}",
        "por {name}",
        "par {name}",
        "da {name}",
        "автор: {name}",
        "由 {name}"
    ),
    e!(
        "Move {name} to the trash?",
        "{name} in den Papierkorb verschieben?",
        "¿Mover {name} a la papelera?",
        "Placer {name} dans la corbeille ?",
        "Spostare {name} nel cestino?",
        "Переместить {name} в корзину?",
        "将 {name} 移至回收站？"
    ),
    e!(
        "Delete",
        "Löschen",
        "Eliminar",
        "Supprimer",
        "Elimina",
        "Удалить",
        "删除"
    ),
    e!(
        "Delete…",
        "Löschen…",
        "Eliminar…",
        "Supprimer…",
        "Elimina…",
        "Удалить…",
        "删除…"
    ),
    e!(
        "This space has no office documents yet.",
        "Dieser Bereich hat noch keine Office-Dokumente.",
        "Este espacio aún no tiene documentos de Office.",
        "Cet espace n'a pas encore de documents Office.",
        "Questo spazio non ha ancora documenti Office.",
        "В этом пространстве пока нет офисных документов.",
        "此空间还没有 Office 文档。"
    ),
    e!(
        "No document matches.",
        "Kein Dokument passt.",
        "Ningún documento coincide.",
        "Aucun document ne correspond.",
        "Nessun documento corrisponde.",
        "Нет подходящих документов.",
        "没有匹配的文档。"
    ),
    e!(
        "1 document.",
        "1 Dokument.",
        "1 documento.",
        "1 document.",
        "1 documento.",
        "Документов: 1.",
        "1 个文档。"
    ),
    e!(
        "{count} documents.",
        "{count} Dokumente.",
        "{count} documentos.",
        "{count} documents.",
        "{count} documenti.",
        "Документов: {count}.",
        "{count} 个文档。"
    ),
    e!(
        "{matching} of {count} documents.",
        "{matching} von {count} Dokumenten.",
        "{matching} de {count} documentos.",
        "{matching} documents sur {count}.",
        "{matching} di {count} documenti.",
        "Показано {matching} из {count}.",
        "{count} 个文档中的 {matching} 个。"
    ),
    e!(
        "You may not delete {name}.",
        "Sie dürfen {name} nicht löschen.",
        "No puede eliminar {name}.",
        "Vous ne pouvez pas supprimer {name}.",
        "Non puoi eliminare {name}.",
        "Вы не можете удалить {name}.",
        "您不能删除 {name}。"
    ),
    e!(
        "{name} could not be deleted: {error}",
        "{name} konnte nicht gelöscht werden: {error}",
        "No se pudo eliminar {name}: {error}",
        "{name} n'a pas pu être supprimé : {error}",
        "Impossibile eliminare {name}: {error}",
        "Не удалось удалить {name}: {error}",
        "无法删除 {name}：{error}"
    ),
    e!(
        "Open this page from a space.",
        "Öffnen Sie diese Seite aus einem Bereich.",
        "Abra esta página desde un espacio.",
        "Ouvrez cette page depuis un espace.",
        "Apri questa pagina da uno spazio.",
        "Откройте эту страницу из пространства.",
        "请从空间中打开此页面。"
    ),
    e!(
        "Cannot list the space's documents",
        "Die Dokumente des Bereichs können nicht aufgelistet werden",
        "No se pueden listar los documentos del espacio",
        "Impossible de lister les documents de l'espace",
        "Impossibile elencare i documenti dello spazio",
        "Не удалось получить список документов пространства",
        "无法列出空间的文档"
    ),
    // The document page.
    e!(
        "Cannot create the document",
        "Das Dokument kann nicht erstellt werden",
        "No se puede crear el documento",
        "Impossible de créer le document",
        "Impossibile creare il documento",
        "Не удалось создать документ",
        "无法创建文档"
    ),
    e!(
        "Cannot go back",
        "Zurück ist nicht möglich",
        "No se puede volver",
        "Impossible de revenir",
        "Impossibile tornare indietro",
        "Не удалось вернуться",
        "无法返回"
    ),
    e!(
        "Cannot make a link",
        "Der Link kann nicht erstellt werden",
        "No se puede crear el enlace",
        "Impossible de créer le lien",
        "Impossibile creare il link",
        "Не удалось создать ссылку",
        "无法生成链接"
    ),
    e!(
        "Confluence did not say where this page is.",
        "Confluence hat nicht mitgeteilt, wo diese Seite ist.",
        "Confluence no indicó dónde está esta página.",
        "Confluence n'a pas indiqué où se trouve cette page.",
        "Confluence non ha indicato dove si trova questa pagina.",
        "Confluence не сообщил, где находится эта страница.",
        "Confluence 未告知此页面的位置。"
    ),
    e!(
        "← Back to the page",
        "← Zurück zur Seite",
        "← Volver a la página",
        "← Retour à la page",
        "← Torna alla pagina",
        "← Назад к странице",
        "← 返回页面"
    ),
    e!(
        "Filling in",
        "Ausfüllen",
        "Rellenando",
        "Remplissage",
        "Compilazione",
        "Заполнение",
        "填写中"
    ),
    e!(
        "Editing",
        "Bearbeiten",
        "Editando",
        "Modification",
        "Modifica",
        "Редактирование",
        "编辑中"
    ),
    e!(
        "Viewing",
        "Ansehen",
        "Viendo",
        "Consultation",
        "Visualizzazione",
        "Просмотр",
        "查看中"
    ),
    e!(
        "Fill in the form",
        "Formular ausfüllen",
        "Rellenar el formulario",
        "Remplir le formulaire",
        "Compila il modulo",
        "Заполнить форму",
        "填写表单"
    ),
    e!(
        "Edit the form",
        "Formular bearbeiten",
        "Editar el formulario",
        "Modifier le formulaire",
        "Modifica il modulo",
        "Редактировать форму",
        "编辑表单"
    ),
    e!(
        "Link to this document",
        "Link zu diesem Dokument",
        "Enlace a este documento",
        "Lien vers ce document",
        "Link a questo documento",
        "Ссылка на этот документ",
        "此文档的链接"
    ),
    e!(
        "Creating a new document…",
        "Neues Dokument wird erstellt…",
        "Creando un documento nuevo…",
        "Création d'un nouveau document…",
        "Creazione di un nuovo documento…",
        "Создание нового документа…",
        "正在新建文档…"
    ),
    e!(
        "Creating a new spreadsheet…",
        "Neue Tabelle wird erstellt…",
        "Creando una hoja de cálculo nueva…",
        "Création d'un nouveau classeur…",
        "Creazione di un nuovo foglio di calcolo…",
        "Создание новой таблицы…",
        "正在新建电子表格…"
    ),
    e!(
        "Creating a new presentation…",
        "Neue Präsentation wird erstellt…",
        "Creando una presentación nueva…",
        "Création d'une nouvelle présentation…",
        "Creazione di una nuova presentazione…",
        "Создание новой презентации…",
        "正在新建演示文稿…"
    ),
    e!(
        "Opening {name}…",
        "{name} wird geöffnet…",
        "Abriendo {name}…",
        "Ouverture de {name}…",
        "Apertura di {name}…",
        "Открытие {name}…",
        "正在打开 {name}…"
    ),
    e!(
        "This site uses ONLYOFFICE's public demo server until {until}. Anyone may use that server: don't open private or sensitive documents with it.",
        "Diese Website nutzt bis {until} den öffentlichen Demoserver von ONLYOFFICE. Jeder kann diesen Server nutzen: Öffnen Sie damit keine privaten oder vertraulichen Dokumente.",
        "Este sitio usa el servidor de demostración público de ONLYOFFICE hasta el {until}. Cualquiera puede usar ese servidor: no abra con él documentos privados o confidenciales.",
        "Ce site utilise le serveur de démonstration public d'ONLYOFFICE jusqu'au {until}. Tout le monde peut utiliser ce serveur : n'y ouvrez pas de documents privés ou sensibles.",
        "Questo sito usa il server dimostrativo pubblico di ONLYOFFICE fino al {until}. Chiunque può usare quel server: non aprire documenti privati o riservati.",
        "Этот сайт использует публичный демонстрационный сервер ONLYOFFICE до {until}. Этим сервером может пользоваться кто угодно: не открывайте на нём личные или конфиденциальные документы.",
        "本站点在 {until} 之前使用 ONLYOFFICE 的公共演示服务器。任何人都可以使用该服务器：请勿用它打开私密或敏感文档。"
    ),
    e!(
        "Saved a copy as {name} on this page.",
        "Eine Kopie wurde als {name} auf dieser Seite gespeichert.",
        "Se ha guardado una copia como {name} en esta página.",
        "Une copie a été enregistrée sous {name} sur cette page.",
        "Una copia è stata salvata come {name} in questa pagina.",
        "Копия сохранена на этой странице как {name}.",
        "已在此页面上将副本另存为 {name}。"
    ),
    e!(
        "The editor reported an error",
        "Der Editor hat einen Fehler gemeldet",
        "El editor informó de un error",
        "L'éditeur a signalé une erreur",
        "L'editor ha segnalato un errore",
        "Редактор сообщил об ошибке",
        "编辑器报告了错误"
    ),
    e!(
        "Cannot start the editor",
        "Der Editor kann nicht gestartet werden",
        "No se puede iniciar el editor",
        "Impossible de démarrer l'éditeur",
        "Impossibile avviare l'editor",
        "Не удалось запустить редактор",
        "无法启动编辑器"
    ),
    e!(
        "Cannot save the copy",
        "Die Kopie kann nicht gespeichert werden",
        "No se puede guardar la copia",
        "Impossible d'enregistrer la copie",
        "Impossibile salvare la copia",
        "Не удалось сохранить копию",
        "无法保存副本"
    ),
    e!(
        "Cannot open the linked file",
        "Die verknüpfte Datei kann nicht geöffnet werden",
        "No se puede abrir el archivo vinculado",
        "Impossible d'ouvrir le fichier lié",
        "Impossibile aprire il file collegato",
        "Не удалось открыть связанный файл",
        "无法打开链接的文件"
    ),
    e!(
        "Cannot restore the version",
        "Die Version kann nicht wiederhergestellt werden",
        "No se puede restaurar la versión",
        "Impossible de restaurer la version",
        "Impossibile ripristinare la versione",
        "Не удалось восстановить версию",
        "无法恢复该版本"
    ),
    e!(
        "Cannot prepare the download",
        "Der Download kann nicht vorbereitet werden",
        "No se puede preparar la descarga",
        "Impossible de préparer le téléchargement",
        "Impossibile preparare il download",
        "Не удалось подготовить загрузку",
        "无法准备下载"
    ),
    e!(
        "Download as",
        "Herunterladen als",
        "Descargar como",
        "Télécharger en",
        "Scarica come",
        "Скачать как",
        "下载为"
    ),
    e!(
        "Preparing…",
        "Wird vorbereitet…",
        "Preparando…",
        "Préparation…",
        "Preparazione…",
        "Подготовка…",
        "正在准备…"
    ),
    e!(
        "Download {name}",
        "{name} herunterladen",
        "Descargar {name}",
        "Télécharger {name}",
        "Scarica {name}",
        "Скачать {name}",
        "下载 {name}"
    ),
    e!(
        "Choose a file first.",
        "Wählen Sie zuerst eine Datei.",
        "Elija primero un archivo.",
        "Choisissez d'abord un fichier.",
        "Scegli prima un file.",
        "Сначала выберите файл.",
        "请先选择文件。"
    ),
    e!(
        "Choose a file from this page",
        "Datei von dieser Seite wählen",
        "Elija un archivo de esta página",
        "Choisissez un fichier de cette page",
        "Scegli un file da questa pagina",
        "Выберите файл с этой страницы",
        "从此页面选择文件"
    ),
    e!(
        "Choose a picture from this page",
        "Bild von dieser Seite wählen",
        "Elija una imagen de esta página",
        "Choisissez une image de cette page",
        "Scegli un'immagine da questa pagina",
        "Выберите изображение с этой страницы",
        "从此页面选择图片"
    ),
    e!(
        "Choose a text document from this page",
        "Textdokument von dieser Seite wählen",
        "Elija un documento de texto de esta página",
        "Choisissez un document texte de cette page",
        "Scegli un documento di testo da questa pagina",
        "Выберите текстовый документ с этой страницы",
        "从此页面选择文本文档"
    ),
    e!(
        "Choose a spreadsheet from this page",
        "Tabelle von dieser Seite wählen",
        "Elija una hoja de cálculo de esta página",
        "Choisissez un classeur de cette page",
        "Scegli un foglio di calcolo da questa pagina",
        "Выберите таблицу с этой страницы",
        "从此页面选择电子表格"
    ),
    e!(
        "Choose",
        "Auswählen",
        "Elegir",
        "Choisir",
        "Scegli",
        "Выбрать",
        "选择"
    ),
    e!(
        "Conversion failed",
        "Konvertierung fehlgeschlagen",
        "Error en la conversión",
        "Échec de la conversion",
        "Conversione non riuscita",
        "Ошибка преобразования",
        "转换失败"
    ),
    e!(
        "Create PDF form",
        "PDF-Formular erstellen",
        "Crear formulario PDF",
        "Créer un formulaire PDF",
        "Crea modulo PDF",
        "Создать PDF-форму",
        "创建 PDF 表单"
    ),
    e!(
        "Convert to {format}",
        "In {format} konvertieren",
        "Convertir a {format}",
        "Convertir en {format}",
        "Converti in {format}",
        "Преобразовать в {format}",
        "转换为 {format}"
    ),
    e!(
        "Saved as {name} next to the original.",
        "Als {name} neben dem Original gespeichert.",
        "Guardado como {name} junto al original.",
        "Enregistré sous {name} à côté de l'original.",
        "Salvato come {name} accanto all'originale.",
        "Сохранено как {name} рядом с оригиналом.",
        "已另存为 {name}，与原文件并列。"
    ),
    e!(
        "Open it",
        "Öffnen",
        "Abrirlo",
        "L'ouvrir",
        "Aprilo",
        "Открыть его",
        "打开它"
    ),
    // Why a document opens as it does (the server's words above the editor).
    e!(
        "Edits are saved as {ext}, which may not keep everything the editor can do. Convert it to {ooxml} to keep all formatting.",
        "Änderungen werden als {ext} gespeichert, das nicht alles bewahrt, was der Editor kann. Konvertieren Sie es in {ooxml}, um alle Formatierungen zu behalten.",
        "Los cambios se guardan como {ext}, que puede no conservar todo lo que el editor permite. Conviértalo a {ooxml} para mantener todo el formato.",
        "Les modifications sont enregistrées en {ext}, qui peut ne pas conserver tout ce que permet l'éditeur. Convertissez-le en {ooxml} pour garder toute la mise en forme.",
        "Le modifiche vengono salvate come {ext}, che potrebbe non conservare tutto ciò che l'editor consente. Convertilo in {ooxml} per mantenere tutta la formattazione.",
        "Изменения сохраняются в формате {ext}, который может сохранить не всё, что умеет редактор. Преобразуйте файл в {ooxml}, чтобы сохранить всё форматирование.",
        "编辑内容将保存为 {ext}，可能无法保留编辑器的全部功能。将其转换为 {ooxml} 可保留所有格式。"
    ),
    e!(
        "Filling in the form: your answers are saved as a new version of the file.",
        "Formular ausfüllen: Ihre Antworten werden als neue Version der Datei gespeichert.",
        "Rellenando el formulario: sus respuestas se guardan como una nueva versión del archivo.",
        "Remplissage du formulaire : vos réponses sont enregistrées comme nouvelle version du fichier.",
        "Compilazione del modulo: le tue risposte vengono salvate come nuova versione del file.",
        "Заполнение формы: ваши ответы сохраняются как новая версия файла.",
        "正在填写表单：您的答案将保存为文件的新版本。"
    ),
    e!(
        "Opened for viewing. Choose Edit to change it.",
        "Zum Ansehen geöffnet. Wählen Sie Bearbeiten, um es zu ändern.",
        "Abierto para ver. Elija Editar para modificarlo.",
        "Ouvert en consultation. Choisissez Modifier pour le changer.",
        "Aperto in visualizzazione. Scegli Modifica per cambiarlo.",
        "Открыто для просмотра. Выберите «Редактировать», чтобы изменить.",
        "以查看模式打开。选择“编辑”以进行更改。"
    ),
    e!(
        "You are viewing this document as a guest. Log in to Confluence to edit it.",
        "Sie sehen dieses Dokument als Gast. Melden Sie sich bei Confluence an, um es zu bearbeiten.",
        "Está viendo este documento como invitado. Inicie sesión en Confluence para editarlo.",
        "Vous consultez ce document en tant qu'invité. Connectez-vous à Confluence pour le modifier.",
        "Stai visualizzando questo documento come ospite. Accedi a Confluence per modificarlo.",
        "Вы просматриваете этот документ как гость. Войдите в Confluence, чтобы редактировать его.",
        "您正在以访客身份查看此文档。登录 Confluence 即可编辑。"
    ),
    e!(
        "You may view this document; editing needs permission to change this page.",
        "Sie dürfen dieses Dokument ansehen; zum Bearbeiten brauchen Sie die Berechtigung, diese Seite zu ändern.",
        "Puede ver este documento; para editarlo necesita permiso para modificar esta página.",
        "Vous pouvez consulter ce document ; pour le modifier, il faut l'autorisation de modifier cette page.",
        "Puoi visualizzare questo documento; per modificarlo serve il permesso di modificare questa pagina.",
        "Вы можете просматривать этот документ; для редактирования нужно право изменять эту страницу.",
        "您可以查看此文档；编辑需要修改此页面的权限。"
    ),
    e!(
        "Documents in the {space} space open for viewing only, as set by an administrator.",
        "Dokumente im Bereich {space} öffnen sich nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los documentos del espacio {space} se abren solo para ver, según lo configurado por un administrador.",
        "Les documents de l'espace {space} s'ouvrent en consultation seule, selon le réglage d'un administrateur.",
        "I documenti dello spazio {space} si aprono in sola visualizzazione, come impostato da un amministratore.",
        "Документы в пространстве {space} открываются только для просмотра по настройке администратора.",
        "根据管理员的设置，{space} 空间中的文档仅以查看模式打开。"
    ),
    e!(
        "Members of the {group} group open documents for viewing only, as set by an administrator.",
        "Mitglieder der Gruppe {group} öffnen Dokumente nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los miembros del grupo {group} abren los documentos solo para ver, según lo configurado por un administrador.",
        "Les membres du groupe {group} ouvrent les documents en consultation seule, selon le réglage d'un administrateur.",
        "I membri del gruppo {group} aprono i documenti in sola visualizzazione, come impostato da un amministratore.",
        "Участники группы {group} открывают документы только для просмотра по настройке администратора.",
        "根据管理员的设置，{group} 组的成员仅以查看模式打开文档。"
    ),
    e!(
        "Files labelled {label} open for viewing only, as set by an administrator.",
        "Dateien mit dem Label {label} öffnen sich nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los archivos con la etiqueta {label} se abren solo para ver, según lo configurado por un administrador.",
        "Les fichiers portant l'étiquette {label} s'ouvrent en consultation seule, selon le réglage d'un administrateur.",
        "I file con l'etichetta {label} si aprono in sola visualizzazione, come impostato da un amministratore.",
        "Файлы с меткой {label} открываются только для просмотра по настройке администратора.",
        "根据管理员的设置，带有 {label} 标签的文件仅以查看模式打开。"
    ),
    e!(
        "{ext} files open for viewing.",
        "{ext}-Dateien öffnen sich zum Ansehen.",
        "Los archivos {ext} se abren para ver.",
        "Les fichiers {ext} s'ouvrent en consultation.",
        "I file {ext} si aprono in visualizzazione.",
        "Файлы {ext} открываются для просмотра.",
        "{ext} 文件以查看模式打开。"
    ),
    e!(
        "{ext} files open for viewing. Convert it to {ooxml} to edit it.",
        "{ext}-Dateien öffnen sich zum Ansehen. Konvertieren Sie sie in {ooxml}, um sie zu bearbeiten.",
        "Los archivos {ext} se abren para ver. Conviértalo a {ooxml} para editarlo.",
        "Les fichiers {ext} s'ouvrent en consultation. Convertissez-le en {ooxml} pour le modifier.",
        "I file {ext} si aprono in visualizzazione. Convertilo in {ooxml} per modificarlo.",
        "Файлы {ext} открываются для просмотра. Преобразуйте файл в {ooxml}, чтобы редактировать его.",
        "{ext} 文件以查看模式打开。将其转换为 {ooxml} 即可编辑。"
    ),
    e!(
        "This Document Server opens PDF files for viewing only.",
        "Dieser Document Server öffnet PDF-Dateien nur zum Ansehen.",
        "Este Document Server abre los archivos PDF solo para ver.",
        "Ce Document Server ouvre les fichiers PDF en consultation seule.",
        "Questo Document Server apre i file PDF in sola visualizzazione.",
        "Этот Document Server открывает файлы PDF только для просмотра.",
        "此 Document Server 仅以查看模式打开 PDF 文件。"
    ),
    e!(
        "This Document Server opens DOCXF and OFORM files for viewing only.",
        "Dieser Document Server öffnet DOCXF- und OFORM-Dateien nur zum Ansehen.",
        "Este Document Server abre los archivos DOCXF y OFORM solo para ver.",
        "Ce Document Server ouvre les fichiers DOCXF et OFORM en consultation seule.",
        "Questo Document Server apre i file DOCXF e OFORM in sola visualizzazione.",
        "Этот Document Server открывает файлы DOCXF и OFORM только для просмотра.",
        "此 Document Server 仅以查看模式打开 DOCXF 和 OFORM 文件。"
    ),
    // Refusals and failures the server answers with.
    e!(
        "No Document Server is set up for this site yet. An administrator can add one on the Confluo settings page.",
        "Für diese Website ist noch kein Document Server eingerichtet. Ein Administrator kann ihn auf der Einstellungsseite von Confluo hinzufügen.",
        "Este sitio aún no tiene un Document Server configurado. Un administrador puede añadirlo en la página de configuración de Confluo.",
        "Aucun Document Server n'est encore configuré pour ce site. Un administrateur peut en ajouter un sur la page des paramètres de Confluo.",
        "Per questo sito non è ancora configurato un Document Server. Un amministratore può aggiungerlo nella pagina delle impostazioni di Confluo.",
        "Для этого сайта ещё не настроен Document Server. Администратор может добавить его на странице настроек Confluo.",
        "此站点尚未设置 Document Server。管理员可以在 Confluo 设置页面中添加。"
    ),
    e!(
        "The 30-day demo of ONLYOFFICE's public server ended on {day}. An administrator can set up the site's own Document Server on the Confluo settings page.",
        "Die 30-tägige Demo des öffentlichen ONLYOFFICE-Servers endete am {day}. Ein Administrator kann auf der Einstellungsseite von Confluo den eigenen Document Server der Website einrichten.",
        "La demostración de 30 días del servidor público de ONLYOFFICE terminó el {day}. Un administrador puede configurar el Document Server propio del sitio en la página de configuración de Confluo.",
        "La démonstration de 30 jours du serveur public d'ONLYOFFICE a pris fin le {day}. Un administrateur peut configurer le Document Server du site sur la page des paramètres de Confluo.",
        "La prova di 30 giorni del server pubblico di ONLYOFFICE è terminata il {day}. Un amministratore può configurare il Document Server del sito nella pagina delle impostazioni di Confluo.",
        "30-дневная демоверсия публичного сервера ONLYOFFICE закончилась {day}. Администратор может настроить собственный Document Server сайта на странице настроек Confluo.",
        "ONLYOFFICE 公共服务器的 30 天试用已于 {day} 结束。管理员可以在 Confluo 设置页面中设置站点自己的 Document Server。"
    ),
    e!(
        "Confluo cannot open .{ext} files.",
        "Confluo kann .{ext}-Dateien nicht öffnen.",
        "Confluo no puede abrir archivos .{ext}.",
        "Confluo ne peut pas ouvrir les fichiers .{ext}.",
        "Confluo non può aprire i file .{ext}.",
        "Confluo не может открывать файлы .{ext}.",
        "Confluo 无法打开 .{ext} 文件。"
    ),
    e!(
        "You cannot see this page.",
        "Sie können diese Seite nicht sehen.",
        "No puede ver esta página.",
        "Vous ne pouvez pas voir cette page.",
        "Non puoi vedere questa pagina.",
        "У вас нет доступа к этой странице.",
        "您无法查看此页面。"
    ),
    e!(
        "You may not change this page's attachments.",
        "Sie dürfen die Anhänge dieser Seite nicht ändern.",
        "No puede modificar los archivos adjuntos de esta página.",
        "Vous ne pouvez pas modifier les pièces jointes de cette page.",
        "Non puoi modificare gli allegati di questa pagina.",
        "Вы не можете изменять вложения этой страницы.",
        "您不能更改此页面的附件。"
    ),
    e!(
        "The file is larger than the {mb} MB this site opens.",
        "Die Datei ist größer als die {mb} MB, die diese Website öffnet.",
        "El archivo supera los {mb} MB que abre este sitio.",
        "Le fichier dépasse les {mb} Mo que ce site ouvre.",
        "Il file supera i {mb} MB che questo sito apre.",
        "Файл больше {mb} МБ, которые открывает этот сайт.",
        "文件超过了此站点可打开的 {mb} MB。"
    ),
    e!(
        "Confluo is turned off in the {space} space by an administrator.",
        "Confluo wurde im Bereich {space} von einem Administrator ausgeschaltet.",
        "Un administrador ha desactivado Confluo en el espacio {space}.",
        "Confluo a été désactivé dans l'espace {space} par un administrateur.",
        "Confluo è stato disattivato nello spazio {space} da un amministratore.",
        "Администратор отключил Confluo в пространстве {space}.",
        "管理员已在 {space} 空间中关闭 Confluo。"
    ),
    e!(
        "{doing} failed: the database did not answer; try again.",
        "{doing} fehlgeschlagen: Die Datenbank hat nicht geantwortet; versuchen Sie es erneut.",
        "{doing}: error, la base de datos no respondió; inténtelo de nuevo.",
        "{doing} a échoué : la base de données n'a pas répondu ; réessayez.",
        "{doing}: operazione non riuscita, il database non ha risposto; riprova.",
        "{doing}: ошибка, база данных не ответила; попробуйте ещё раз.",
        "{doing}失败：数据库没有响应，请重试。"
    ),
    e!(
        "{doing} failed: {reason}",
        "{doing} fehlgeschlagen: {reason}",
        "{doing}: error, {reason}",
        "{doing} a échoué : {reason}",
        "{doing}: operazione non riuscita, {reason}",
        "{doing}: ошибка, {reason}",
        "{doing}失败：{reason}"
    ),
    // What the server was doing when something failed.
    e!(
        "Opening the document",
        "Öffnen des Dokuments",
        "Abrir el documento",
        "L'ouverture du document",
        "Apertura del documento",
        "Открытие документа",
        "打开文档"
    ),
    e!(
        "Handing the file to the editor",
        "Übergabe der Datei an den Editor",
        "Pasar el archivo al editor",
        "La transmission du fichier à l'éditeur",
        "Passaggio del file all'editor",
        "Передача файла редактору",
        "将文件交给编辑器"
    ),
    e!(
        "Testing the connection",
        "Verbindungstest",
        "Probar la conexión",
        "Le test de connexion",
        "Test della connessione",
        "Проверка подключения",
        "测试连接"
    ),
    e!(
        "Showing the preview",
        "Anzeigen der Vorschau",
        "Mostrar la vista previa",
        "L'affichage de l'aperçu",
        "Visualizzazione dell'anteprima",
        "Показ предпросмотра",
        "显示预览"
    ),
    e!(
        "Saving the edit",
        "Speichern der Änderung",
        "Guardar la edición",
        "L'enregistrement de la modification",
        "Salvataggio della modifica",
        "Сохранение правки",
        "保存编辑"
    ),
    e!(
        "Saving a copy",
        "Speichern einer Kopie",
        "Guardar una copia",
        "L'enregistrement d'une copie",
        "Salvataggio di una copia",
        "Сохранение копии",
        "保存副本"
    ),
    e!(
        "Restoring the version",
        "Wiederherstellen der Version",
        "Restaurar la versión",
        "La restauration de la version",
        "Ripristino della versione",
        "Восстановление версии",
        "恢复版本"
    ),
    e!(
        "Reading who is editing",
        "Lesen, wer bearbeitet",
        "Leer quién está editando",
        "La lecture des personnes en train de modifier",
        "Lettura di chi sta modificando",
        "Получение списка редакторов",
        "读取正在编辑的人员"
    ),
    e!(
        "Reading the version history",
        "Lesen des Versionsverlaufs",
        "Leer el historial de versiones",
        "La lecture de l'historique des versions",
        "Lettura della cronologia delle versioni",
        "Чтение истории версий",
        "读取版本历史"
    ),
    e!(
        "Reading the attachment's history",
        "Lesen des Verlaufs des Anhangs",
        "Leer el historial del archivo adjunto",
        "La lecture de l'historique de la pièce jointe",
        "Lettura della cronologia dell'allegato",
        "Чтение истории вложения",
        "读取附件历史"
    ),
    e!(
        "Preparing the download",
        "Vorbereiten des Downloads",
        "Preparar la descarga",
        "La préparation du téléchargement",
        "Preparazione del download",
        "Подготовка загрузки",
        "准备下载"
    ),
    e!(
        "Opening that version",
        "Öffnen dieser Version",
        "Abrir esa versión",
        "L'ouverture de cette version",
        "Apertura di quella versione",
        "Открытие этой версии",
        "打开该版本"
    ),
    e!(
        "Listing unsaved edits",
        "Auflisten nicht gespeicherter Änderungen",
        "Listar las ediciones sin guardar",
        "La liste des modifications non enregistrées",
        "Elenco delle modifiche non salvate",
        "Получение несохранённых правок",
        "列出未保存的编辑"
    ),
    e!(
        "Finding people",
        "Suchen von Personen",
        "Buscar personas",
        "La recherche de personnes",
        "Ricerca di persone",
        "Поиск людей",
        "查找人员"
    ),
    e!(
        "Creating the document",
        "Erstellen des Dokuments",
        "Crear el documento",
        "La création du document",
        "Creazione del documento",
        "Создание документа",
        "创建文档"
    ),
    e!(
        "Converting the document",
        "Konvertieren des Dokuments",
        "Convertir el documento",
        "La conversion du document",
        "Conversione del documento",
        "Преобразование документа",
        "转换文档"
    ),
    e!(
        "Finding the linked file",
        "Suchen der verknüpften Datei",
        "Buscar el archivo vinculado",
        "La recherche du fichier lié",
        "Ricerca del file collegato",
        "Поиск связанного файла",
        "查找链接的文件"
    ),
    e!(
        "Making a link",
        "Erstellen eines Links",
        "Crear un enlace",
        "La création d'un lien",
        "Creazione di un link",
        "Создание ссылки",
        "生成链接"
    ),
    // The page for addresses that lead nowhere.
    e!(
        "Page not found",
        "Seite nicht gefunden",
        "Página no encontrada",
        "Page introuvable",
        "Pagina non trovata",
        "Страница не найдена",
        "找不到页面"
    ),
    e!(
        "Nothing lives at this address. Confluo's screens open from inside Confluence.",
        "Unter dieser Adresse gibt es nichts. Die Seiten von Confluo öffnen sich in Confluence.",
        "No hay nada en esta dirección. Las pantallas de Confluo se abren desde Confluence.",
        "Il n'y a rien à cette adresse. Les écrans de Confluo s'ouvrent depuis Confluence.",
        "Non c'è nulla a questo indirizzo. Le schermate di Confluo si aprono da Confluence.",
        "По этому адресу ничего нет. Экраны Confluo открываются внутри Confluence.",
        "此地址没有内容。Confluo 的界面需在 Confluence 中打开。"
    ),
];
