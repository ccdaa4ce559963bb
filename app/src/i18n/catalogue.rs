//! Every text of Confluo's screens, keyed by its English, with its German, Spanish, French,
//! Italian, Russian, Simplified Chinese and Japanese translations. `{name}` marks a value filled in when
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
    pub ja: &'static str,
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
            Lang::Ja => self.ja,
        }
    }
}

/// One entry: English, German, Spanish, French, Italian, Russian, Chinese, Japanese.
macro_rules! e {
    ($en:literal, $de:literal, $es:literal, $fr:literal, $it:literal, $ru:literal, $zh:literal, $ja:literal $(,)?) => {
        Entry {
            en: $en,
            de: $de,
            es: $es,
            fr: $fr,
            it: $it,
            ru: $ru,
            zh: $zh,
            ja: $ja,
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
        "打开",
        "開く"
    ),
    e!(
        "Cancel",
        "Abbrechen",
        "Cancelar",
        "Annuler",
        "Annulla",
        "Отмена",
        "取消",
        "キャンセル"
    ),
    e!(
        "Save",
        "Speichern",
        "Guardar",
        "Enregistrer",
        "Salva",
        "Сохранить",
        "保存",
        "保存"
    ),
    e!(
        "Document",
        "Dokument",
        "Documento",
        "Document",
        "Documento",
        "Документ",
        "文档",
        "文書"
    ),
    e!(
        "Spreadsheet",
        "Tabelle",
        "Hoja de cálculo",
        "Classeur",
        "Foglio di calcolo",
        "Таблица",
        "电子表格",
        "スプレッドシート"
    ),
    e!(
        "Presentation",
        "Präsentation",
        "Presentación",
        "Présentation",
        "Presentazione",
        "Презентация",
        "演示文稿",
        "プレゼンテーション"
    ),
    e!("PDF", "PDF", "PDF", "PDF", "PDF", "PDF", "PDF", "PDF"),
    e!(
        "File",
        "Datei",
        "Archivo",
        "Fichier",
        "File",
        "Файл",
        "文件",
        "ファイル"
    ),
    e!(
        "Other file",
        "Andere Datei",
        "Otro archivo",
        "Autre fichier",
        "Altro file",
        "Другой файл",
        "其他文件",
        "その他のファイル"
    ),
    e!(
        "version",
        "Version",
        "versión",
        "version",
        "versione",
        "версия",
        "版本",
        "バージョン"
    ),
    e!(
        "Cannot open the document",
        "Das Dokument kann nicht geöffnet werden",
        "No se puede abrir el documento",
        "Impossible d'ouvrir le document",
        "Impossibile aprire il documento",
        "Не удалось открыть документ",
        "无法打开文档",
        "文書を開けません"
    ),
    e!(
        "Cannot list attachments",
        "Die Anhänge können nicht aufgelistet werden",
        "No se pueden listar los archivos adjuntos",
        "Impossible de lister les pièces jointes",
        "Impossibile elencare gli allegati",
        "Не удалось получить список вложений",
        "无法列出附件",
        "添付ファイルを一覧表示できません"
    ),
    // The document macro.
    e!(
        "Cannot open the dialog",
        "Der Dialog kann nicht geöffnet werden",
        "No se puede abrir el cuadro de diálogo",
        "Impossible d'ouvrir la boîte de dialogue",
        "Impossibile aprire la finestra di dialogo",
        "Не удалось открыть диалог",
        "无法打开对话框",
        "ダイアログを開けません"
    ),
    e!(
        "Cannot reload the page",
        "Die Seite kann nicht neu geladen werden",
        "No se puede recargar la página",
        "Impossible de recharger la page",
        "Impossibile ricaricare la pagina",
        "Не удалось перезагрузить страницу",
        "无法重新加载页面",
        "ページを再読み込みできません"
    ),
    e!(
        "No document chosen yet. Edit the macro to pick one of the page's attachments.",
        "Noch kein Dokument gewählt. Bearbeiten Sie das Makro, um einen Anhang der Seite auszuwählen.",
        "Aún no se ha elegido ningún documento. Edite la macro para elegir uno de los archivos adjuntos de la página.",
        "Aucun document choisi. Modifiez la macro pour choisir une pièce jointe de la page.",
        "Nessun documento scelto. Modifica la macro per scegliere uno degli allegati della pagina.",
        "Документ ещё не выбран. Измените макрос, чтобы выбрать одно из вложений страницы.",
        "尚未选择文档。编辑此宏以选择页面的一个附件。",
        "まだ文書が選択されていません。マクロを編集して、このページの添付ファイルから選んでください。"
    ),
    e!(
        "Loading {name}…",
        "{name} wird geladen…",
        "Cargando {name}…",
        "Chargement de {name}…",
        "Caricamento di {name}…",
        "Загрузка {name}…",
        "正在加载 {name}…",
        "{name} を読み込んでいます…"
    ),
    e!(
        "No changes reported by Confluence since the app was installed.",
        "Confluence hat seit der Installation der App keine Änderungen gemeldet.",
        "Confluence no ha informado de cambios desde que se instaló la aplicación.",
        "Confluence n'a signalé aucune modification depuis l'installation de l'application.",
        "Confluence non ha segnalato modifiche dall'installazione dell'app.",
        "Confluence не сообщал об изменениях с момента установки приложения.",
        "自安装此应用以来，Confluence 未报告任何更改。",
        "アプリのインストール以降、Confluence から変更の報告はありません。"
    ),
    e!(
        "Open the page to edit or view this document.",
        "Öffnen Sie die Seite, um dieses Dokument zu bearbeiten oder anzusehen.",
        "Abra la página para editar o ver este documento.",
        "Ouvrez la page pour modifier ou consulter ce document.",
        "Apri la pagina per modificare o visualizzare questo documento.",
        "Откройте страницу, чтобы редактировать или просмотреть этот документ.",
        "打开页面以编辑或查看此文档。",
        "この文書を編集または表示するには、ページを開いてください。"
    ),
    e!(
        "Other documents on this page…",
        "Andere Dokumente auf dieser Seite…",
        "Otros documentos de esta página…",
        "Autres documents de cette page…",
        "Altri documenti di questa pagina…",
        "Другие документы на этой странице…",
        "此页面上的其他文档…",
        "このページのその他の文書…"
    ),
    e!(
        "{name} was added to this page.",
        "{name} wurde dieser Seite hinzugefügt.",
        "Se ha añadido {name} a esta página.",
        "{name} a été ajouté à cette page.",
        "{name} è stato aggiunto a questa pagina.",
        "{name} добавлен на эту страницу.",
        "{name} 已添加到此页面。",
        "{name} がこのページに追加されました。"
    ),
    e!(
        "Reload the page",
        "Seite neu laden",
        "Recargar la página",
        "Recharger la page",
        "Ricarica la pagina",
        "Перезагрузить страницу",
        "重新加载页面",
        "ページを再読み込み"
    ),
    e!(
        "Don't tell me again",
        "Nicht mehr anzeigen",
        "No volver a avisarme",
        "Ne plus me le dire",
        "Non dirmelo più",
        "Больше не сообщать",
        "不再提示",
        "今後表示しない"
    ),
    e!(
        "Chosen in the dialog: {name}",
        "Im Dialog gewählt: {name}",
        "Elegido en el cuadro de diálogo: {name}",
        "Choisi dans la boîte de dialogue : {name}",
        "Scelto nella finestra di dialogo: {name}",
        "Выбрано в диалоге: {name}",
        "在对话框中选择：{name}",
        "ダイアログで選択: {name}"
    ),
    e!(
        "Confluence reported: attached, version {version}.",
        "Confluence meldet: angehängt, Version {version}.",
        "Confluence informó: adjuntado, versión {version}.",
        "Confluence a signalé : ajouté, version {version}.",
        "Confluence ha segnalato: allegato, versione {version}.",
        "Confluence сообщил: вложен, версия {version}.",
        "Confluence 报告：已附加，版本 {version}。",
        "Confluence の報告: 添付されました（バージョン {version}）。"
    ),
    e!(
        "Confluence reported: updated, version {version}.",
        "Confluence meldet: aktualisiert, Version {version}.",
        "Confluence informó: actualizado, versión {version}.",
        "Confluence a signalé : mis à jour, version {version}.",
        "Confluence ha segnalato: aggiornato, versione {version}.",
        "Confluence сообщил: обновлён, версия {version}.",
        "Confluence 报告：已更新，版本 {version}。",
        "Confluence の報告: 更新されました（バージョン {version}）。"
    ),
    e!(
        "Confluence reported: attached.",
        "Confluence meldet: angehängt.",
        "Confluence informó: adjuntado.",
        "Confluence a signalé : ajouté.",
        "Confluence ha segnalato: allegato.",
        "Confluence сообщил: вложен.",
        "Confluence 报告：已附加。",
        "Confluence の報告: 添付されました。"
    ),
    e!(
        "Confluence reported: updated.",
        "Confluence meldet: aktualisiert.",
        "Confluence informó: actualizado.",
        "Confluence a signalé : mis à jour.",
        "Confluence ha segnalato: aggiornato.",
        "Confluence сообщил: обновлён.",
        "Confluence 报告：已更新。",
        "Confluence の報告: 更新されました。"
    ),
    e!(
        "Cannot read the attachment",
        "Der Anhang kann nicht gelesen werden",
        "No se puede leer el archivo adjunto",
        "Impossible de lire la pièce jointe",
        "Impossibile leggere l'allegato",
        "Не удалось прочитать вложение",
        "无法读取附件",
        "添付ファイルを読み取れません"
    ),
    e!(
        "Confluo server",
        "Confluo-Server",
        "Servidor de Confluo",
        "Serveur Confluo",
        "Server di Confluo",
        "Сервер Confluo",
        "Confluo 服务器",
        "Confluo サーバー"
    ),
    e!(
        "{name} is no longer attached to this page.",
        "{name} ist nicht mehr an diese Seite angehängt.",
        "{name} ya no está adjunto a esta página.",
        "{name} n'est plus joint à cette page.",
        "{name} non è più allegato a questa pagina.",
        "{name} больше не вложен в эту страницу.",
        "{name} 已不再附加到此页面。",
        "{name} はこのページに添付されていません。"
    ),
    // The attachments dialog and its list.
    e!(
        "Choose a document, or cancel.",
        "Wählen Sie ein Dokument oder brechen Sie ab.",
        "Elija un documento o cancele.",
        "Choisissez un document ou annulez.",
        "Scegli un documento o annulla.",
        "Выберите документ или отмените.",
        "请选择文档，或取消。",
        "文書を選択するか、キャンセルしてください。"
    ),
    e!(
        "Choose a document first.",
        "Wählen Sie zuerst ein Dokument.",
        "Elija primero un documento.",
        "Choisissez d'abord un document.",
        "Scegli prima un documento.",
        "Сначала выберите документ.",
        "请先选择文档。",
        "先に文書を選択してください。"
    ),
    e!(
        "Office documents on this page",
        "Office-Dokumente auf dieser Seite",
        "Documentos de Office de esta página",
        "Documents Office de cette page",
        "Documenti Office di questa pagina",
        "Офисные документы на этой странице",
        "此页面上的 Office 文档",
        "このページの Office 文書"
    ),
    e!(
        "Recently opened here: {names}",
        "Zuletzt hier geöffnet: {names}",
        "Abiertos recientemente aquí: {names}",
        "Ouverts récemment ici : {names}",
        "Aperti di recente qui: {names}",
        "Недавно открытые здесь: {names}",
        "最近在此打开：{names}",
        "最近ここで開いた文書: {names}"
    ),
    e!(
        "View only",
        "Nur ansehen",
        "Solo ver",
        "Consulter seulement",
        "Solo visualizzazione",
        "Только просмотр",
        "仅查看",
        "表示のみ"
    ),
    e!(
        "New document",
        "Neues Dokument",
        "Nuevo documento",
        "Nouveau document",
        "Nuovo documento",
        "Новый документ",
        "新建文档",
        "新しい文書"
    ),
    e!(
        "New spreadsheet",
        "Neue Tabelle",
        "Nueva hoja de cálculo",
        "Nouveau classeur",
        "Nuovo foglio di calcolo",
        "Новая таблица",
        "新建电子表格",
        "新しいスプレッドシート"
    ),
    e!(
        "New presentation",
        "Neue Präsentation",
        "Nueva presentación",
        "Nouvelle présentation",
        "Nuova presentazione",
        "Новая презентация",
        "新建演示文稿",
        "新しいプレゼンテーション"
    ),
    e!("Type", "Typ", "Tipo", "Type", "Tipo", "Тип", "类型", "種類"),
    e!(
        "Name", "Name", "Nombre", "Nom", "Nome", "Имя", "名称", "名前"
    ),
    e!(
        "Creating…",
        "Wird erstellt…",
        "Creando…",
        "Création…",
        "Creazione…",
        "Создание…",
        "正在创建…",
        "作成しています…"
    ),
    e!(
        "Create",
        "Erstellen",
        "Crear",
        "Créer",
        "Crea",
        "Создать",
        "创建",
        "作成"
    ),
    e!(
        "Created {name}.",
        "{name} wurde erstellt.",
        "Se ha creado {name}.",
        "{name} a été créé.",
        "{name} è stato creato.",
        "{name} создан.",
        "已创建 {name}。",
        "{name} を作成しました。"
    ),
    e!(
        "Loading attachments…",
        "Anhänge werden geladen…",
        "Cargando archivos adjuntos…",
        "Chargement des pièces jointes…",
        "Caricamento degli allegati…",
        "Загрузка вложений…",
        "正在加载附件…",
        "添付ファイルを読み込んでいます…"
    ),
    e!(
        "This page has no attachments yet.",
        "Diese Seite hat noch keine Anhänge.",
        "Esta página aún no tiene archivos adjuntos.",
        "Cette page n'a pas encore de pièces jointes.",
        "Questa pagina non ha ancora allegati.",
        "У этой страницы пока нет вложений.",
        "此页面还没有附件。",
        "このページにはまだ添付ファイルがありません。"
    ),
    e!(
        "Attachments",
        "Anhänge",
        "Archivos adjuntos",
        "Pièces jointes",
        "Allegati",
        "Вложения",
        "附件",
        "添付ファイル"
    ),
    e!(
        "Being edited by {names}",
        "Wird bearbeitet von {names}",
        "Lo está editando {names}",
        "En cours de modification par {names}",
        "In modifica da {names}",
        "Редактирует: {names}",
        "正在编辑：{names}",
        "{names} が編集中"
    ),
    // The macro editor.
    e!(
        "Choose an attachment first.",
        "Wählen Sie zuerst einen Anhang.",
        "Elija primero un archivo adjunto.",
        "Choisissez d'abord une pièce jointe.",
        "Scegli prima un allegato.",
        "Сначала выберите вложение.",
        "请先选择附件。",
        "先に添付ファイルを選択してください。"
    ),
    e!(
        "Choose a document",
        "Dokument wählen",
        "Elegir un documento",
        "Choisir un document",
        "Scegli un documento",
        "Выберите документ",
        "选择文档",
        "文書を選択"
    ),
    e!(
        "Show a preview of the document on the page",
        "Eine Vorschau des Dokuments auf der Seite zeigen",
        "Mostrar una vista previa del documento en la página",
        "Afficher un aperçu du document sur la page",
        "Mostra un'anteprima del documento nella pagina",
        "Показывать предпросмотр документа на странице",
        "在页面上显示文档预览",
        "ページに文書のプレビューを表示する"
    ),
    e!(
        "Caption (optional)",
        "Bildunterschrift (optional)",
        "Leyenda (opcional)",
        "Légende (facultatif)",
        "Didascalia (facoltativa)",
        "Подпись (необязательно)",
        "说明（可选）",
        "キャプション（任意）"
    ),
    // The space's file browser.
    e!(
        "{name} was moved to the trash.",
        "{name} wurde in den Papierkorb verschoben.",
        "{name} se ha movido a la papelera.",
        "{name} a été placé dans la corbeille.",
        "{name} è stato spostato nel cestino.",
        "{name} перемещён в корзину.",
        "{name} 已移至回收站。",
        "{name} をごみ箱に移動しました。"
    ),
    e!(
        "Cannot delete the file",
        "Die Datei kann nicht gelöscht werden",
        "No se puede eliminar el archivo",
        "Impossible de supprimer le fichier",
        "Impossibile eliminare il file",
        "Не удалось удалить файл",
        "无法删除文件",
        "ファイルを削除できません"
    ),
    e!(
        "Office documents in {space}",
        "Office-Dokumente in {space}",
        "Documentos de Office en {space}",
        "Documents Office dans {space}",
        "Documenti Office in {space}",
        "Офисные документы в {space}",
        "{space} 中的 Office 文档",
        "{space} の Office 文書"
    ),
    e!(
        "Office documents",
        "Office-Dokumente",
        "Documentos de Office",
        "Documents Office",
        "Documenti Office",
        "Офисные документы",
        "Office 文档",
        "Office 文書"
    ),
    e!(
        "Search",
        "Suchen",
        "Buscar",
        "Rechercher",
        "Cerca",
        "Поиск",
        "搜索",
        "検索"
    ),
    e!(
        "File name",
        "Dateiname",
        "Nombre de archivo",
        "Nom du fichier",
        "Nome del file",
        "Имя файла",
        "文件名",
        "ファイル名"
    ),
    e!(
        "Kind", "Art", "Clase", "Type", "Tipo", "Вид", "种类", "種類"
    ),
    e!(
        "All kinds",
        "Alle Arten",
        "Todas las clases",
        "Tous les types",
        "Tutti i tipi",
        "Все виды",
        "所有种类",
        "すべての種類"
    ),
    e!(
        "Sort by",
        "Sortieren nach",
        "Ordenar por",
        "Trier par",
        "Ordina per",
        "Сортировка",
        "排序方式",
        "並べ替え"
    ),
    e!(
        "Loading the space's documents…",
        "Die Dokumente des Bereichs werden geladen…",
        "Cargando los documentos del espacio…",
        "Chargement des documents de l'espace…",
        "Caricamento dei documenti dello spazio…",
        "Загрузка документов пространства…",
        "正在加载空间的文档…",
        "スペースの文書を読み込んでいます…"
    ),
    e!(
        "Only the 1000 most recently changed files of this space are listed.",
        "Nur die 1000 zuletzt geänderten Dateien dieses Bereichs werden aufgeführt.",
        "Solo se muestran los 1000 archivos de este espacio modificados más recientemente.",
        "Seuls les 1000 fichiers de cet espace modifiés le plus récemment sont listés.",
        "Sono elencati solo i 1000 file di questo spazio modificati più di recente.",
        "Показаны только 1000 последних изменённых файлов этого пространства.",
        "仅列出此空间中最近更改的 1000 个文件。",
        "このスペースで最近変更された 1000 件のファイルのみを表示しています。"
    ),
    e!(
        "Page",
        "Seite",
        "Página",
        "Page",
        "Pagina",
        "Страница",
        "页面",
        "ページ"
    ),
    e!(
        "Size",
        "Größe",
        "Tamaño",
        "Taille",
        "Dimensione",
        "Размер",
        "大小",
        "サイズ"
    ),
    e!(
        "Last changed",
        "Zuletzt geändert",
        "Último cambio",
        "Dernière modification",
        "Ultima modifica",
        "Последнее изменение",
        "最后更改",
        "最終更新"
    ),
    e!(
        "Actions",
        "Aktionen",
        "Acciones",
        "Actions",
        "Azioni",
        "Действия",
        "操作",
        "操作"
    ),
    e!(
        "Pages",
        "Seiten",
        "Páginas",
        "Pages",
        "Pagine",
        "Страницы",
        "分页",
        "ページ"
    ),
    e!(
        "Previous",
        "Zurück",
        "Anterior",
        "Précédent",
        "Precedente",
        "Назад",
        "上一页",
        "前へ"
    ),
    e!(
        "Next",
        "Weiter",
        "Siguiente",
        "Suivant",
        "Successiva",
        "Далее",
        "下一页",
        "次へ"
    ),
    e!(
        "Page {page} of {pages}",
        "Seite {page} von {pages}",
        "Página {page} de {pages}",
        "Page {page} sur {pages}",
        "Pagina {page} di {pages}",
        "Страница {page} из {pages}",
        "第 {page} 页，共 {pages} 页",
        "{page} / {pages} ページ"
    ),
    e!(
        "by {name}",
        "von {name}",
        "por {name}",
        "par {name}",
        "da {name}",
        "автор: {name}",
        "由 {name}",
        "{name} による"
    ),
    e!(
        "Move {name} to the trash?",
        "{name} in den Papierkorb verschieben?",
        "¿Mover {name} a la papelera?",
        "Placer {name} dans la corbeille ?",
        "Spostare {name} nel cestino?",
        "Переместить {name} в корзину?",
        "将 {name} 移至回收站？",
        "{name} をごみ箱に移動しますか?"
    ),
    e!(
        "Delete",
        "Löschen",
        "Eliminar",
        "Supprimer",
        "Elimina",
        "Удалить",
        "删除",
        "削除"
    ),
    e!(
        "Delete…",
        "Löschen…",
        "Eliminar…",
        "Supprimer…",
        "Elimina…",
        "Удалить…",
        "删除…",
        "削除…"
    ),
    e!(
        "This space has no office documents yet.",
        "Dieser Bereich hat noch keine Office-Dokumente.",
        "Este espacio aún no tiene documentos de Office.",
        "Cet espace n'a pas encore de documents Office.",
        "Questo spazio non ha ancora documenti Office.",
        "В этом пространстве пока нет офисных документов.",
        "此空间还没有 Office 文档。",
        "このスペースにはまだ Office 文書がありません。"
    ),
    e!(
        "No document matches.",
        "Kein Dokument passt.",
        "Ningún documento coincide.",
        "Aucun document ne correspond.",
        "Nessun documento corrisponde.",
        "Нет подходящих документов.",
        "没有匹配的文档。",
        "一致する文書はありません。"
    ),
    e!(
        "1 document.",
        "1 Dokument.",
        "1 documento.",
        "1 document.",
        "1 documento.",
        "Документов: 1.",
        "1 个文档。",
        "1 件の文書。"
    ),
    e!(
        "{count} documents.",
        "{count} Dokumente.",
        "{count} documentos.",
        "{count} documents.",
        "{count} documenti.",
        "Документов: {count}.",
        "{count} 个文档。",
        "{count} 件の文書。"
    ),
    e!(
        "{matching} of {count} documents.",
        "{matching} von {count} Dokumenten.",
        "{matching} de {count} documentos.",
        "{matching} documents sur {count}.",
        "{matching} di {count} documenti.",
        "Показано {matching} из {count}.",
        "{count} 个文档中的 {matching} 个。",
        "{count} 件中 {matching} 件の文書。"
    ),
    e!(
        "You may not delete {name}.",
        "Sie dürfen {name} nicht löschen.",
        "No puede eliminar {name}.",
        "Vous ne pouvez pas supprimer {name}.",
        "Non puoi eliminare {name}.",
        "Вы не можете удалить {name}.",
        "您不能删除 {name}。",
        "{name} を削除する権限がありません。"
    ),
    e!(
        "{name} could not be deleted: {error}",
        "{name} konnte nicht gelöscht werden: {error}",
        "No se pudo eliminar {name}: {error}",
        "{name} n'a pas pu être supprimé : {error}",
        "Impossibile eliminare {name}: {error}",
        "Не удалось удалить {name}: {error}",
        "无法删除 {name}：{error}",
        "{name} を削除できませんでした: {error}"
    ),
    e!(
        "Open this page from a space.",
        "Öffnen Sie diese Seite aus einem Bereich.",
        "Abra esta página desde un espacio.",
        "Ouvrez cette page depuis un espace.",
        "Apri questa pagina da uno spazio.",
        "Откройте эту страницу из пространства.",
        "请从空间中打开此页面。",
        "このページはスペースから開いてください。"
    ),
    e!(
        "Cannot list the space's documents",
        "Die Dokumente des Bereichs können nicht aufgelistet werden",
        "No se pueden listar los documentos del espacio",
        "Impossible de lister les documents de l'espace",
        "Impossibile elencare i documenti dello spazio",
        "Не удалось получить список документов пространства",
        "无法列出空间的文档",
        "スペースの文書を一覧表示できません"
    ),
    // The document page.
    e!(
        "Cannot create the document",
        "Das Dokument kann nicht erstellt werden",
        "No se puede crear el documento",
        "Impossible de créer le document",
        "Impossibile creare il documento",
        "Не удалось создать документ",
        "无法创建文档",
        "文書を作成できません"
    ),
    e!(
        "Cannot go back",
        "Zurück ist nicht möglich",
        "No se puede volver",
        "Impossible de revenir",
        "Impossibile tornare indietro",
        "Не удалось вернуться",
        "无法返回",
        "戻れません"
    ),
    e!(
        "Cannot make a link",
        "Der Link kann nicht erstellt werden",
        "No se puede crear el enlace",
        "Impossible de créer le lien",
        "Impossibile creare il link",
        "Не удалось создать ссылку",
        "无法生成链接",
        "リンクを作成できません"
    ),
    e!(
        "Confluence did not say where this page is.",
        "Confluence hat nicht mitgeteilt, wo diese Seite ist.",
        "Confluence no indicó dónde está esta página.",
        "Confluence n'a pas indiqué où se trouve cette page.",
        "Confluence non ha indicato dove si trova questa pagina.",
        "Confluence не сообщил, где находится эта страница.",
        "Confluence 未告知此页面的位置。",
        "Confluence からこのページの場所が返されませんでした。"
    ),
    e!(
        "← Back to the page",
        "← Zurück zur Seite",
        "← Volver a la página",
        "← Retour à la page",
        "← Torna alla pagina",
        "← Назад к странице",
        "← 返回页面",
        "← ページに戻る"
    ),
    e!(
        "Filling in",
        "Ausfüllen",
        "Rellenando",
        "Remplissage",
        "Compilazione",
        "Заполнение",
        "填写中",
        "入力中"
    ),
    e!(
        "Editing",
        "Bearbeiten",
        "Editando",
        "Modification",
        "Modifica",
        "Редактирование",
        "编辑中",
        "編集中"
    ),
    e!(
        "Viewing",
        "Ansehen",
        "Viendo",
        "Consultation",
        "Visualizzazione",
        "Просмотр",
        "查看中",
        "表示中"
    ),
    e!(
        "Fill in the form",
        "Formular ausfüllen",
        "Rellenar el formulario",
        "Remplir le formulaire",
        "Compila il modulo",
        "Заполнить форму",
        "填写表单",
        "フォームに入力"
    ),
    e!(
        "Edit the form",
        "Formular bearbeiten",
        "Editar el formulario",
        "Modifier le formulaire",
        "Modifica il modulo",
        "Редактировать форму",
        "编辑表单",
        "フォームを編集"
    ),
    e!(
        "Link to this document",
        "Link zu diesem Dokument",
        "Enlace a este documento",
        "Lien vers ce document",
        "Link a questo documento",
        "Ссылка на этот документ",
        "此文档的链接",
        "この文書へのリンク"
    ),
    e!(
        "Creating a new document…",
        "Neues Dokument wird erstellt…",
        "Creando un documento nuevo…",
        "Création d'un nouveau document…",
        "Creazione di un nuovo documento…",
        "Создание нового документа…",
        "正在新建文档…",
        "新しい文書を作成しています…"
    ),
    e!(
        "Creating a new spreadsheet…",
        "Neue Tabelle wird erstellt…",
        "Creando una hoja de cálculo nueva…",
        "Création d'un nouveau classeur…",
        "Creazione di un nuovo foglio di calcolo…",
        "Создание новой таблицы…",
        "正在新建电子表格…",
        "新しいスプレッドシートを作成しています…"
    ),
    e!(
        "Creating a new presentation…",
        "Neue Präsentation wird erstellt…",
        "Creando una presentación nueva…",
        "Création d'une nouvelle présentation…",
        "Creazione di una nuova presentazione…",
        "Создание новой презентации…",
        "正在新建演示文稿…",
        "新しいプレゼンテーションを作成しています…"
    ),
    e!(
        "Opening {name}…",
        "{name} wird geöffnet…",
        "Abriendo {name}…",
        "Ouverture de {name}…",
        "Apertura di {name}…",
        "Открытие {name}…",
        "正在打开 {name}…",
        "{name} を開いています…"
    ),
    e!(
        "This site uses ONLYOFFICE's public demo server until {until}. Anyone may use that server: don't open private or sensitive documents with it.",
        "Diese Website nutzt bis {until} den öffentlichen Demoserver von ONLYOFFICE. Jeder kann diesen Server nutzen: Öffnen Sie damit keine privaten oder vertraulichen Dokumente.",
        "Este sitio usa el servidor de demostración público de ONLYOFFICE hasta el {until}. Cualquiera puede usar ese servidor: no abra con él documentos privados o confidenciales.",
        "Ce site utilise le serveur de démonstration public d'ONLYOFFICE jusqu'au {until}. Tout le monde peut utiliser ce serveur : n'y ouvrez pas de documents privés ou sensibles.",
        "Questo sito usa il server dimostrativo pubblico di ONLYOFFICE fino al {until}. Chiunque può usare quel server: non aprire documenti privati o riservati.",
        "Этот сайт использует публичный демонстрационный сервер ONLYOFFICE до {until}. Этим сервером может пользоваться кто угодно: не открывайте на нём личные или конфиденциальные документы.",
        "本站点在 {until} 之前使用 ONLYOFFICE 的公共演示服务器。任何人都可以使用该服务器：请勿用它打开私密或敏感文档。",
        "このサイトは {until} まで ONLYOFFICE の公開デモサーバーを使用しています。このサーバーは誰でも利用できるため、非公開の文書や機密文書は開かないでください。"
    ),
    e!(
        "Saved a copy as {name} on this page.",
        "Eine Kopie wurde als {name} auf dieser Seite gespeichert.",
        "Se ha guardado una copia como {name} en esta página.",
        "Une copie a été enregistrée sous {name} sur cette page.",
        "Una copia è stata salvata come {name} in questa pagina.",
        "Копия сохранена на этой странице как {name}.",
        "已在此页面上将副本另存为 {name}。",
        "コピーを {name} としてこのページに保存しました。"
    ),
    e!(
        "The editor reported an error",
        "Der Editor hat einen Fehler gemeldet",
        "El editor informó de un error",
        "L'éditeur a signalé une erreur",
        "L'editor ha segnalato un errore",
        "Редактор сообщил об ошибке",
        "编辑器报告了错误",
        "エディターがエラーを報告しました"
    ),
    e!(
        "Cannot start the editor",
        "Der Editor kann nicht gestartet werden",
        "No se puede iniciar el editor",
        "Impossible de démarrer l'éditeur",
        "Impossibile avviare l'editor",
        "Не удалось запустить редактор",
        "无法启动编辑器",
        "エディターを起動できません"
    ),
    e!(
        "Cannot save the copy",
        "Die Kopie kann nicht gespeichert werden",
        "No se puede guardar la copia",
        "Impossible d'enregistrer la copie",
        "Impossibile salvare la copia",
        "Не удалось сохранить копию",
        "无法保存副本",
        "コピーを保存できません"
    ),
    e!(
        "Cannot open the linked file",
        "Die verknüpfte Datei kann nicht geöffnet werden",
        "No se puede abrir el archivo vinculado",
        "Impossible d'ouvrir le fichier lié",
        "Impossibile aprire il file collegato",
        "Не удалось открыть связанный файл",
        "无法打开链接的文件",
        "リンクされたファイルを開けません"
    ),
    e!(
        "Cannot restore the version",
        "Die Version kann nicht wiederhergestellt werden",
        "No se puede restaurar la versión",
        "Impossible de restaurer la version",
        "Impossibile ripristinare la versione",
        "Не удалось восстановить версию",
        "无法恢复该版本",
        "バージョンを復元できません"
    ),
    e!(
        "Cannot prepare the download",
        "Der Download kann nicht vorbereitet werden",
        "No se puede preparar la descarga",
        "Impossible de préparer le téléchargement",
        "Impossibile preparare il download",
        "Не удалось подготовить загрузку",
        "无法准备下载",
        "ダウンロードを準備できません"
    ),
    e!(
        "Download as",
        "Herunterladen als",
        "Descargar como",
        "Télécharger en",
        "Scarica come",
        "Скачать как",
        "下载为",
        "形式を指定してダウンロード"
    ),
    e!(
        "Preparing…",
        "Wird vorbereitet…",
        "Preparando…",
        "Préparation…",
        "Preparazione…",
        "Подготовка…",
        "正在准备…",
        "準備しています…"
    ),
    e!(
        "Download {name}",
        "{name} herunterladen",
        "Descargar {name}",
        "Télécharger {name}",
        "Scarica {name}",
        "Скачать {name}",
        "下载 {name}",
        "{name} をダウンロード"
    ),
    e!(
        "Choose a file first.",
        "Wählen Sie zuerst eine Datei.",
        "Elija primero un archivo.",
        "Choisissez d'abord un fichier.",
        "Scegli prima un file.",
        "Сначала выберите файл.",
        "请先选择文件。",
        "先にファイルを選択してください。"
    ),
    e!(
        "Choose a file from this page",
        "Datei von dieser Seite wählen",
        "Elija un archivo de esta página",
        "Choisissez un fichier de cette page",
        "Scegli un file da questa pagina",
        "Выберите файл с этой страницы",
        "从此页面选择文件",
        "このページからファイルを選択"
    ),
    e!(
        "Choose a picture from this page",
        "Bild von dieser Seite wählen",
        "Elija una imagen de esta página",
        "Choisissez une image de cette page",
        "Scegli un'immagine da questa pagina",
        "Выберите изображение с этой страницы",
        "从此页面选择图片",
        "このページから画像を選択"
    ),
    e!(
        "Choose a text document from this page",
        "Textdokument von dieser Seite wählen",
        "Elija un documento de texto de esta página",
        "Choisissez un document texte de cette page",
        "Scegli un documento di testo da questa pagina",
        "Выберите текстовый документ с этой страницы",
        "从此页面选择文本文档",
        "このページからテキスト文書を選択"
    ),
    e!(
        "Choose a spreadsheet from this page",
        "Tabelle von dieser Seite wählen",
        "Elija una hoja de cálculo de esta página",
        "Choisissez un classeur de cette page",
        "Scegli un foglio di calcolo da questa pagina",
        "Выберите таблицу с этой страницы",
        "从此页面选择电子表格",
        "このページからスプレッドシートを選択"
    ),
    e!(
        "Choose",
        "Auswählen",
        "Elegir",
        "Choisir",
        "Scegli",
        "Выбрать",
        "选择",
        "選択"
    ),
    e!(
        "Conversion failed",
        "Konvertierung fehlgeschlagen",
        "Error en la conversión",
        "Échec de la conversion",
        "Conversione non riuscita",
        "Ошибка преобразования",
        "转换失败",
        "変換に失敗しました"
    ),
    e!(
        "Create PDF form",
        "PDF-Formular erstellen",
        "Crear formulario PDF",
        "Créer un formulaire PDF",
        "Crea modulo PDF",
        "Создать PDF-форму",
        "创建 PDF 表单",
        "PDF フォームを作成"
    ),
    e!(
        "Convert to {format}",
        "In {format} konvertieren",
        "Convertir a {format}",
        "Convertir en {format}",
        "Converti in {format}",
        "Преобразовать в {format}",
        "转换为 {format}",
        "{format} に変換"
    ),
    e!(
        "Saved as {name} next to the original.",
        "Als {name} neben dem Original gespeichert.",
        "Guardado como {name} junto al original.",
        "Enregistré sous {name} à côté de l'original.",
        "Salvato come {name} accanto all'originale.",
        "Сохранено как {name} рядом с оригиналом.",
        "已另存为 {name}，与原文件并列。",
        "{name} として元のファイルの隣に保存しました。"
    ),
    e!(
        "Open it",
        "Öffnen",
        "Abrirlo",
        "L'ouvrir",
        "Aprilo",
        "Открыть его",
        "打开它",
        "開く"
    ),
    // Why a document opens as it does (the server's words above the editor).
    e!(
        "Edits are saved as {ext}, which may not keep everything the editor can do. Convert it to {ooxml} to keep all formatting.",
        "Änderungen werden als {ext} gespeichert, das nicht alles bewahrt, was der Editor kann. Konvertieren Sie es in {ooxml}, um alle Formatierungen zu behalten.",
        "Los cambios se guardan como {ext}, que puede no conservar todo lo que el editor permite. Conviértalo a {ooxml} para mantener todo el formato.",
        "Les modifications sont enregistrées en {ext}, qui peut ne pas conserver tout ce que permet l'éditeur. Convertissez-le en {ooxml} pour garder toute la mise en forme.",
        "Le modifiche vengono salvate come {ext}, che potrebbe non conservare tutto ciò che l'editor consente. Convertilo in {ooxml} per mantenere tutta la formattazione.",
        "Изменения сохраняются в формате {ext}, который может сохранить не всё, что умеет редактор. Преобразуйте файл в {ooxml}, чтобы сохранить всё форматирование.",
        "编辑内容将保存为 {ext}，可能无法保留编辑器的全部功能。将其转换为 {ooxml} 可保留所有格式。",
        "編集内容は {ext} として保存されるため、エディターの機能がすべて保持されるとは限りません。すべての書式を保持するには {ooxml} に変換してください。"
    ),
    e!(
        "Filling in the form: your answers are saved as a new version of the file.",
        "Formular ausfüllen: Ihre Antworten werden als neue Version der Datei gespeichert.",
        "Rellenando el formulario: sus respuestas se guardan como una nueva versión del archivo.",
        "Remplissage du formulaire : vos réponses sont enregistrées comme nouvelle version du fichier.",
        "Compilazione del modulo: le tue risposte vengono salvate come nuova versione del file.",
        "Заполнение формы: ваши ответы сохраняются как новая версия файла.",
        "正在填写表单：您的答案将保存为文件的新版本。",
        "フォームに入力中: 回答はファイルの新しいバージョンとして保存されます。"
    ),
    e!(
        "Opened for viewing. Choose Edit to change it.",
        "Zum Ansehen geöffnet. Wählen Sie Bearbeiten, um es zu ändern.",
        "Abierto para ver. Elija Editar para modificarlo.",
        "Ouvert en consultation. Choisissez Modifier pour le changer.",
        "Aperto in visualizzazione. Scegli Modifica per cambiarlo.",
        "Открыто для просмотра. Выберите «Редактировать», чтобы изменить.",
        "以查看模式打开。选择“编辑”以进行更改。",
        "表示用に開きました。変更するには「編集」を選んでください。"
    ),
    e!(
        "You are viewing this document as a guest. Log in to Confluence to edit it.",
        "Sie sehen dieses Dokument als Gast. Melden Sie sich bei Confluence an, um es zu bearbeiten.",
        "Está viendo este documento como invitado. Inicie sesión en Confluence para editarlo.",
        "Vous consultez ce document en tant qu'invité. Connectez-vous à Confluence pour le modifier.",
        "Stai visualizzando questo documento come ospite. Accedi a Confluence per modificarlo.",
        "Вы просматриваете этот документ как гость. Войдите в Confluence, чтобы редактировать его.",
        "您正在以访客身份查看此文档。登录 Confluence 即可编辑。",
        "ゲストとしてこの文書を表示しています。編集するには Confluence にログインしてください。"
    ),
    e!(
        "You may view this document; editing needs permission to change this page.",
        "Sie dürfen dieses Dokument ansehen; zum Bearbeiten brauchen Sie die Berechtigung, diese Seite zu ändern.",
        "Puede ver este documento; para editarlo necesita permiso para modificar esta página.",
        "Vous pouvez consulter ce document ; pour le modifier, il faut l'autorisation de modifier cette page.",
        "Puoi visualizzare questo documento; per modificarlo serve il permesso di modificare questa pagina.",
        "Вы можете просматривать этот документ; для редактирования нужно право изменять эту страницу.",
        "您可以查看此文档；编辑需要修改此页面的权限。",
        "この文書は表示できます。編集するには、このページを変更する権限が必要です。"
    ),
    e!(
        "Documents in the {space} space open for viewing only, as set by an administrator.",
        "Dokumente im Bereich {space} öffnen sich nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los documentos del espacio {space} se abren solo para ver, según lo configurado por un administrador.",
        "Les documents de l'espace {space} s'ouvrent en consultation seule, selon le réglage d'un administrateur.",
        "I documenti dello spazio {space} si aprono in sola visualizzazione, come impostato da un amministratore.",
        "Документы в пространстве {space} открываются только для просмотра по настройке администратора.",
        "根据管理员的设置，{space} 空间中的文档仅以查看模式打开。",
        "管理者の設定により、{space} スペースの文書は表示専用で開きます。"
    ),
    e!(
        "Members of the {group} group open documents for viewing only, as set by an administrator.",
        "Mitglieder der Gruppe {group} öffnen Dokumente nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los miembros del grupo {group} abren los documentos solo para ver, según lo configurado por un administrador.",
        "Les membres du groupe {group} ouvrent les documents en consultation seule, selon le réglage d'un administrateur.",
        "I membri del gruppo {group} aprono i documenti in sola visualizzazione, come impostato da un amministratore.",
        "Участники группы {group} открывают документы только для просмотра по настройке администратора.",
        "根据管理员的设置，{group} 组的成员仅以查看模式打开文档。",
        "管理者の設定により、{group} グループのメンバーは文書を表示専用で開きます。"
    ),
    e!(
        "Files labelled {label} open for viewing only, as set by an administrator.",
        "Dateien mit dem Label {label} öffnen sich nur zum Ansehen, wie von einem Administrator festgelegt.",
        "Los archivos con la etiqueta {label} se abren solo para ver, según lo configurado por un administrador.",
        "Les fichiers portant l'étiquette {label} s'ouvrent en consultation seule, selon le réglage d'un administrateur.",
        "I file con l'etichetta {label} si aprono in sola visualizzazione, come impostato da un amministratore.",
        "Файлы с меткой {label} открываются только для просмотра по настройке администратора.",
        "根据管理员的设置，带有 {label} 标签的文件仅以查看模式打开。",
        "管理者の設定により、ラベル {label} の付いたファイルは表示専用で開きます。"
    ),
    e!(
        "{ext} files open for viewing.",
        "{ext}-Dateien öffnen sich zum Ansehen.",
        "Los archivos {ext} se abren para ver.",
        "Les fichiers {ext} s'ouvrent en consultation.",
        "I file {ext} si aprono in visualizzazione.",
        "Файлы {ext} открываются для просмотра.",
        "{ext} 文件以查看模式打开。",
        "{ext} ファイルは表示用に開きます。"
    ),
    e!(
        "{ext} files open for viewing. Convert it to {ooxml} to edit it.",
        "{ext}-Dateien öffnen sich zum Ansehen. Konvertieren Sie sie in {ooxml}, um sie zu bearbeiten.",
        "Los archivos {ext} se abren para ver. Conviértalo a {ooxml} para editarlo.",
        "Les fichiers {ext} s'ouvrent en consultation. Convertissez-le en {ooxml} pour le modifier.",
        "I file {ext} si aprono in visualizzazione. Convertilo in {ooxml} per modificarlo.",
        "Файлы {ext} открываются для просмотра. Преобразуйте файл в {ooxml}, чтобы редактировать его.",
        "{ext} 文件以查看模式打开。将其转换为 {ooxml} 即可编辑。",
        "{ext} ファイルは表示用に開きます。編集するには {ooxml} に変換してください。"
    ),
    e!(
        "This Document Server opens PDF files for viewing only.",
        "Dieser Document Server öffnet PDF-Dateien nur zum Ansehen.",
        "Este Document Server abre los archivos PDF solo para ver.",
        "Ce Document Server ouvre les fichiers PDF en consultation seule.",
        "Questo Document Server apre i file PDF in sola visualizzazione.",
        "Этот Document Server открывает файлы PDF только для просмотра.",
        "此 Document Server 仅以查看模式打开 PDF 文件。",
        "この Document Server では PDF ファイルは表示専用で開きます。"
    ),
    e!(
        "This Document Server opens DOCXF and OFORM files for viewing only.",
        "Dieser Document Server öffnet DOCXF- und OFORM-Dateien nur zum Ansehen.",
        "Este Document Server abre los archivos DOCXF y OFORM solo para ver.",
        "Ce Document Server ouvre les fichiers DOCXF et OFORM en consultation seule.",
        "Questo Document Server apre i file DOCXF e OFORM in sola visualizzazione.",
        "Этот Document Server открывает файлы DOCXF и OFORM только для просмотра.",
        "此 Document Server 仅以查看模式打开 DOCXF 和 OFORM 文件。",
        "この Document Server では DOCXF と OFORM ファイルは表示専用で開きます。"
    ),
    // Refusals and failures the server answers with.
    e!(
        "No Document Server is set up for this site yet. An administrator can add one on the Confluo settings page.",
        "Für diese Website ist noch kein Document Server eingerichtet. Ein Administrator kann ihn auf der Einstellungsseite von Confluo hinzufügen.",
        "Este sitio aún no tiene un Document Server configurado. Un administrador puede añadirlo en la página de configuración de Confluo.",
        "Aucun Document Server n'est encore configuré pour ce site. Un administrateur peut en ajouter un sur la page des paramètres de Confluo.",
        "Per questo sito non è ancora configurato un Document Server. Un amministratore può aggiungerlo nella pagina delle impostazioni di Confluo.",
        "Для этого сайта ещё не настроен Document Server. Администратор может добавить его на странице настроек Confluo.",
        "此站点尚未设置 Document Server。管理员可以在 Confluo 设置页面中添加。",
        "このサイトにはまだ Document Server が設定されていません。管理者が Confluo の設定ページで追加できます。"
    ),
    e!(
        "The 30-day demo of ONLYOFFICE's public server ended on {day}. An administrator can set up the site's own Document Server on the Confluo settings page.",
        "Die 30-tägige Demo des öffentlichen ONLYOFFICE-Servers endete am {day}. Ein Administrator kann auf der Einstellungsseite von Confluo den eigenen Document Server der Website einrichten.",
        "La demostración de 30 días del servidor público de ONLYOFFICE terminó el {day}. Un administrador puede configurar el Document Server propio del sitio en la página de configuración de Confluo.",
        "La démonstration de 30 jours du serveur public d'ONLYOFFICE a pris fin le {day}. Un administrateur peut configurer le Document Server du site sur la page des paramètres de Confluo.",
        "La prova di 30 giorni del server pubblico di ONLYOFFICE è terminata il {day}. Un amministratore può configurare il Document Server del sito nella pagina delle impostazioni di Confluo.",
        "30-дневная демоверсия публичного сервера ONLYOFFICE закончилась {day}. Администратор может настроить собственный Document Server сайта на странице настроек Confluo.",
        "ONLYOFFICE 公共服务器的 30 天试用已于 {day} 结束。管理员可以在 Confluo 设置页面中设置站点自己的 Document Server。",
        "ONLYOFFICE の公開サーバーの 30 日間のデモは {day} に終了しました。管理者が Confluo の設定ページでサイト独自の Document Server を設定できます。"
    ),
    e!(
        "Confluo cannot open .{ext} files.",
        "Confluo kann .{ext}-Dateien nicht öffnen.",
        "Confluo no puede abrir archivos .{ext}.",
        "Confluo ne peut pas ouvrir les fichiers .{ext}.",
        "Confluo non può aprire i file .{ext}.",
        "Confluo не может открывать файлы .{ext}.",
        "Confluo 无法打开 .{ext} 文件。",
        "Confluo では .{ext} ファイルを開けません。"
    ),
    e!(
        "You cannot see this page.",
        "Sie können diese Seite nicht sehen.",
        "No puede ver esta página.",
        "Vous ne pouvez pas voir cette page.",
        "Non puoi vedere questa pagina.",
        "У вас нет доступа к этой странице.",
        "您无法查看此页面。",
        "このページを表示する権限がありません。"
    ),
    e!(
        "This site has no active licence for Confluo: documents open for viewing, but editing and converting them need one. A site administrator can buy or renew Confluo under Manage apps.",
        "Diese Website hat keine aktive Lizenz für Confluo: Dokumente lassen sich ansehen, zum Bearbeiten und Konvertieren ist aber eine Lizenz nötig. Ein Website-Administrator kann Confluo unter „Apps verwalten“ kaufen oder verlängern.",
        "Este sitio no tiene una licencia activa de Confluo: los documentos se pueden ver, pero para editarlos y convertirlos hace falta una. Un administrador del sitio puede comprar o renovar Confluo en Administrar aplicaciones.",
        "Ce site n'a pas de licence Confluo active : les documents s'ouvrent en lecture, mais leur modification et leur conversion en demandent une. Un administrateur du site peut acheter ou renouveler Confluo dans Gérer les applications.",
        "Questo sito non ha una licenza attiva di Confluo: i documenti si aprono in visualizzazione, ma per modificarli e convertirli ne serve una. Un amministratore del sito può acquistare o rinnovare Confluo in Gestisci app.",
        "У этого сайта нет активной лицензии Confluo: документы открываются для просмотра, но для редактирования и конвертации нужна лицензия. Администратор сайта может купить или продлить Confluo в разделе «Управление приложениями».",
        "此站点没有有效的 Confluo 许可证：文档可以查看，但编辑和转换需要许可证。站点管理员可以在“管理应用”中购买或续订 Confluo。",
        "このサイトには有効な Confluo のライセンスがありません。ドキュメントは閲覧できますが、編集と変換にはライセンスが必要です。サイト管理者は「アプリを管理」で Confluo を購入または更新できます。"
    ),
    e!(
        "You may not change this page's attachments.",
        "Sie dürfen die Anhänge dieser Seite nicht ändern.",
        "No puede modificar los archivos adjuntos de esta página.",
        "Vous ne pouvez pas modifier les pièces jointes de cette page.",
        "Non puoi modificare gli allegati di questa pagina.",
        "Вы не можете изменять вложения этой страницы.",
        "您不能更改此页面的附件。",
        "このページの添付ファイルを変更する権限がありません。"
    ),
    e!(
        "The file is larger than the {mb} MB this site opens.",
        "Die Datei ist größer als die {mb} MB, die diese Website öffnet.",
        "El archivo supera los {mb} MB que abre este sitio.",
        "Le fichier dépasse les {mb} Mo que ce site ouvre.",
        "Il file supera i {mb} MB che questo sito apre.",
        "Файл больше {mb} МБ, которые открывает этот сайт.",
        "文件超过了此站点可打开的 {mb} MB。",
        "このファイルは、このサイトで開ける {mb} MB を超えています。"
    ),
    e!(
        "Confluo is turned off in the {space} space by an administrator.",
        "Confluo wurde im Bereich {space} von einem Administrator ausgeschaltet.",
        "Un administrador ha desactivado Confluo en el espacio {space}.",
        "Confluo a été désactivé dans l'espace {space} par un administrateur.",
        "Confluo è stato disattivato nello spazio {space} da un amministratore.",
        "Администратор отключил Confluo в пространстве {space}.",
        "管理员已在 {space} 空间中关闭 Confluo。",
        "管理者により、{space} スペースでは Confluo が無効になっています。"
    ),
    e!(
        "{doing} failed: the database did not answer; try again.",
        "{doing} fehlgeschlagen: Die Datenbank hat nicht geantwortet; versuchen Sie es erneut.",
        "{doing}: error, la base de datos no respondió; inténtelo de nuevo.",
        "{doing} a échoué : la base de données n'a pas répondu ; réessayez.",
        "{doing}: operazione non riuscita, il database non ha risposto; riprova.",
        "{doing}: ошибка, база данных не ответила; попробуйте ещё раз.",
        "{doing}失败：数据库没有响应，请重试。",
        "{doing}に失敗しました: データベースが応答しませんでした。もう一度お試しください。"
    ),
    e!(
        "{doing} failed: {reason}",
        "{doing} fehlgeschlagen: {reason}",
        "{doing}: error, {reason}",
        "{doing} a échoué : {reason}",
        "{doing}: operazione non riuscita, {reason}",
        "{doing}: ошибка, {reason}",
        "{doing}失败：{reason}",
        "{doing}に失敗しました: {reason}"
    ),
    // What the server was doing when something failed.
    e!(
        "Opening the document",
        "Öffnen des Dokuments",
        "Abrir el documento",
        "L'ouverture du document",
        "Apertura del documento",
        "Открытие документа",
        "打开文档",
        "文書を開く処理"
    ),
    e!(
        "Handing the file to the editor",
        "Übergabe der Datei an den Editor",
        "Pasar el archivo al editor",
        "La transmission du fichier à l'éditeur",
        "Passaggio del file all'editor",
        "Передача файла редактору",
        "将文件交给编辑器",
        "エディターへのファイルの受け渡し"
    ),
    e!(
        "Testing the connection",
        "Verbindungstest",
        "Probar la conexión",
        "Le test de connexion",
        "Test della connessione",
        "Проверка подключения",
        "测试连接",
        "接続のテスト"
    ),
    e!(
        "Showing the preview",
        "Anzeigen der Vorschau",
        "Mostrar la vista previa",
        "L'affichage de l'aperçu",
        "Visualizzazione dell'anteprima",
        "Показ предпросмотра",
        "显示预览",
        "プレビューの表示"
    ),
    e!(
        "Saving the edit",
        "Speichern der Änderung",
        "Guardar la edición",
        "L'enregistrement de la modification",
        "Salvataggio della modifica",
        "Сохранение правки",
        "保存编辑",
        "編集内容の保存"
    ),
    e!(
        "Saving a copy",
        "Speichern einer Kopie",
        "Guardar una copia",
        "L'enregistrement d'une copie",
        "Salvataggio di una copia",
        "Сохранение копии",
        "保存副本",
        "コピーの保存"
    ),
    e!(
        "Restoring the version",
        "Wiederherstellen der Version",
        "Restaurar la versión",
        "La restauration de la version",
        "Ripristino della versione",
        "Восстановление версии",
        "恢复版本",
        "バージョンの復元"
    ),
    e!(
        "Reading who is editing",
        "Lesen, wer bearbeitet",
        "Leer quién está editando",
        "La lecture des personnes en train de modifier",
        "Lettura di chi sta modificando",
        "Получение списка редакторов",
        "读取正在编辑的人员",
        "編集中のユーザーの取得"
    ),
    e!(
        "Reading the version history",
        "Lesen des Versionsverlaufs",
        "Leer el historial de versiones",
        "La lecture de l'historique des versions",
        "Lettura della cronologia delle versioni",
        "Чтение истории версий",
        "读取版本历史",
        "バージョン履歴の読み込み"
    ),
    e!(
        "Reading the attachment's history",
        "Lesen des Verlaufs des Anhangs",
        "Leer el historial del archivo adjunto",
        "La lecture de l'historique de la pièce jointe",
        "Lettura della cronologia dell'allegato",
        "Чтение истории вложения",
        "读取附件历史",
        "添付ファイルの履歴の読み込み"
    ),
    e!(
        "Preparing the download",
        "Vorbereiten des Downloads",
        "Preparar la descarga",
        "La préparation du téléchargement",
        "Preparazione del download",
        "Подготовка загрузки",
        "准备下载",
        "ダウンロードの準備"
    ),
    e!(
        "Opening that version",
        "Öffnen dieser Version",
        "Abrir esa versión",
        "L'ouverture de cette version",
        "Apertura di quella versione",
        "Открытие этой версии",
        "打开该版本",
        "そのバージョンを開く処理"
    ),
    e!(
        "Listing unsaved edits",
        "Auflisten nicht gespeicherter Änderungen",
        "Listar las ediciones sin guardar",
        "La liste des modifications non enregistrées",
        "Elenco delle modifiche non salvate",
        "Получение несохранённых правок",
        "列出未保存的编辑",
        "未保存の編集の一覧表示"
    ),
    e!(
        "Finding people",
        "Suchen von Personen",
        "Buscar personas",
        "La recherche de personnes",
        "Ricerca di persone",
        "Поиск людей",
        "查找人员",
        "ユーザーの検索"
    ),
    e!(
        "Creating the document",
        "Erstellen des Dokuments",
        "Crear el documento",
        "La création du document",
        "Creazione del documento",
        "Создание документа",
        "创建文档",
        "文書の作成"
    ),
    e!(
        "Converting the document",
        "Konvertieren des Dokuments",
        "Convertir el documento",
        "La conversion du document",
        "Conversione del documento",
        "Преобразование документа",
        "转换文档",
        "文書の変換"
    ),
    e!(
        "Finding the linked file",
        "Suchen der verknüpften Datei",
        "Buscar el archivo vinculado",
        "La recherche du fichier lié",
        "Ricerca del file collegato",
        "Поиск связанного файла",
        "查找链接的文件",
        "リンクされたファイルの検索"
    ),
    e!(
        "Making a link",
        "Erstellen eines Links",
        "Crear un enlace",
        "La création d'un lien",
        "Creazione di un link",
        "Создание ссылки",
        "生成链接",
        "リンクの作成"
    ),
    // The page for addresses that lead nowhere.
    e!(
        "Page not found",
        "Seite nicht gefunden",
        "Página no encontrada",
        "Page introuvable",
        "Pagina non trovata",
        "Страница не найдена",
        "找不到页面",
        "ページが見つかりません"
    ),
    e!(
        "Nothing lives at this address. Confluo's screens open from inside Confluence.",
        "Unter dieser Adresse gibt es nichts. Die Seiten von Confluo öffnen sich in Confluence.",
        "No hay nada en esta dirección. Las pantallas de Confluo se abren desde Confluence.",
        "Il n'y a rien à cette adresse. Les écrans de Confluo s'ouvrent depuis Confluence.",
        "Non c'è nulla a questo indirizzo. Le schermate di Confluo si aprono da Confluence.",
        "По этому адресу ничего нет. Экраны Confluo открываются внутри Confluence.",
        "此地址没有内容。Confluo 的界面需在 Confluence 中打开。",
        "このアドレスには何もありません。Confluo の画面は Confluence の中から開きます。"
    ),
    // The configure page (administrators).
    e!(
        "Document Server",
        "Document Server",
        "Document Server",
        "Document Server",
        "Document Server",
        "Document Server",
        "Document Server",
        "Document Server"
    ),
    e!(
        "Confluo opens attachments in ONLYOFFICE Docs. Enter the address of your Document Server and the JWT secret it is configured with.",
        "Confluo öffnet Anhänge in ONLYOFFICE Docs. Geben Sie die Adresse Ihres Document Servers und das JWT-Geheimnis ein, mit dem er eingerichtet ist.",
        "Confluo abre los archivos adjuntos en ONLYOFFICE Docs. Introduzca la dirección de su Document Server y el secreto JWT con el que está configurado.",
        "Confluo ouvre les pièces jointes dans ONLYOFFICE Docs. Saisissez l'adresse de votre Document Server et le secret JWT avec lequel il est configuré.",
        "Confluo apre gli allegati in ONLYOFFICE Docs. Inserisci l'indirizzo del tuo Document Server e il segreto JWT con cui è configurato.",
        "Confluo открывает вложения в ONLYOFFICE Docs. Введите адрес вашего Document Server и секрет JWT, с которым он настроен.",
        "Confluo 在 ONLYOFFICE Docs 中打开附件。请输入您的 Document Server 地址及其配置的 JWT 密钥。",
        "Confluo は添付ファイルを ONLYOFFICE Docs で開きます。Document Server のアドレスと、そのサーバーに設定されている JWT シークレットを入力してください。"
    ),
    e!(
        "Cannot load the settings",
        "Die Einstellungen können nicht geladen werden",
        "No se pueden cargar los ajustes",
        "Impossible de charger les paramètres",
        "Impossibile caricare le impostazioni",
        "Не удаётся загрузить настройки",
        "无法加载设置",
        "設定を読み込めません"
    ),
    e!(
        "Loading the current settings…",
        "Die aktuellen Einstellungen werden geladen…",
        "Cargando los ajustes actuales…",
        "Chargement des paramètres actuels…",
        "Caricamento delle impostazioni attuali…",
        "Загрузка текущих настроек…",
        "正在加载当前设置…",
        "現在の設定を読み込んでいます…"
    ),
    e!(
        "Not configured yet.",
        "Noch nicht eingerichtet.",
        "Aún no está configurado.",
        "Pas encore configuré.",
        "Non ancora configurato.",
        "Ещё не настроено.",
        "尚未配置。",
        "まだ設定されていません。"
    ),
    e!(
        "Saved. Secret: set.",
        "Gespeichert. Geheimnis: gesetzt.",
        "Guardado. Secreto: definido.",
        "Enregistré. Secret : défini.",
        "Salvato. Segreto: impostato.",
        "Сохранено. Секрет: задан.",
        "已保存。密钥：已设置。",
        "保存済み。シークレット: 設定済み。"
    ),
    e!(
        "Saved. Secret: not set.",
        "Gespeichert. Geheimnis: nicht gesetzt.",
        "Guardado. Secreto: no definido.",
        "Enregistré. Secret : non défini.",
        "Salvato. Segreto: non impostato.",
        "Сохранено. Секрет: не задан.",
        "已保存。密钥：未设置。",
        "保存済み。シークレット: 未設定。"
    ),
    e!(
        "Document Server address",
        "Adresse des Document Servers",
        "Dirección del Document Server",
        "Adresse du Document Server",
        "Indirizzo del Document Server",
        "Адрес Document Server",
        "Document Server 地址",
        "Document Server のアドレス"
    ),
    e!(
        "The address browsers use, for example https://docs.example.com/",
        "Die Adresse, die Browser verwenden, zum Beispiel https://docs.example.com/",
        "La dirección que usan los navegadores, por ejemplo https://docs.example.com/",
        "L'adresse qu'utilisent les navigateurs, par exemple https://docs.example.com/",
        "L'indirizzo usato dai browser, ad esempio https://docs.example.com/",
        "Адрес, который используют браузеры, например https://docs.example.com/",
        "浏览器使用的地址，例如 https://docs.example.com/",
        "ブラウザーが使用するアドレス（例: https://docs.example.com/）"
    ),
    e!(
        "Internal address (optional)",
        "Interne Adresse (optional)",
        "Dirección interna (opcional)",
        "Adresse interne (facultative)",
        "Indirizzo interno (facoltativo)",
        "Внутренний адрес (необязательно)",
        "内部地址（可选）",
        "内部アドレス（任意）"
    ),
    e!(
        "Used by Confluo's server to reach the Document Server, if different",
        "Über sie erreicht der Server von Confluo den Document Server, falls sie abweicht",
        "La usa el servidor de Confluo para llegar al Document Server, si es distinta",
        "Utilisée par le serveur de Confluo pour joindre le Document Server, si elle diffère",
        "Usato dal server di Confluo per raggiungere il Document Server, se diverso",
        "По нему сервер Confluo обращается к Document Server, если он другой",
        "Confluo 服务器访问 Document Server 时使用（如果不同）",
        "Confluo のサーバーが Document Server に接続するときに使用します（異なる場合）"
    ),
    e!(
        "JWT secret",
        "JWT-Geheimnis",
        "Secreto JWT",
        "Secret JWT",
        "Segreto JWT",
        "Секрет JWT",
        "JWT 密钥",
        "JWT シークレット"
    ),
    e!(
        "Leave empty to keep the stored secret",
        "Leer lassen, um das gespeicherte Geheimnis zu behalten",
        "Déjelo vacío para conservar el secreto guardado",
        "Laissez vide pour conserver le secret enregistré",
        "Lascia vuoto per mantenere il segreto salvato",
        "Оставьте пустым, чтобы сохранить текущий секрет",
        "留空则保留已存储的密钥",
        "保存済みのシークレットを使う場合は空欄のままにしてください"
    ),
    e!(
        "Remove the stored secret",
        "Gespeichertes Geheimnis entfernen",
        "Quitar el secreto guardado",
        "Supprimer le secret enregistré",
        "Rimuovi il segreto salvato",
        "Удалить сохранённый секрет",
        "删除已存储的密钥",
        "保存済みのシークレットを削除"
    ),
    e!(
        "JWT header",
        "JWT-Header",
        "Cabecera JWT",
        "En-tête JWT",
        "Intestazione JWT",
        "Заголовок JWT",
        "JWT 标头",
        "JWT ヘッダー"
    ),
    e!(
        "The header the Document Server reads its token from",
        "Der Header, aus dem der Document Server sein Token liest",
        "La cabecera de la que el Document Server lee su token",
        "L'en-tête dans lequel le Document Server lit son jeton",
        "L'intestazione da cui il Document Server legge il suo token",
        "Заголовок, из которого Document Server читает токен",
        "Document Server 从中读取令牌的标头",
        "Document Server がトークンを読み取るヘッダー"
    ),
    e!(
        "Don't verify the Document Server's certificate (insecure: only for a server with a self-signed certificate on your own network)",
        "Zertifikat des Document Servers nicht prüfen (unsicher: nur für einen Server mit selbstsigniertem Zertifikat im eigenen Netz)",
        "No verificar el certificado del Document Server (inseguro: solo para un servidor con certificado autofirmado en su propia red)",
        "Ne pas vérifier le certificat du Document Server (non sécurisé : uniquement pour un serveur à certificat auto-signé sur votre propre réseau)",
        "Non verificare il certificato del Document Server (non sicuro: solo per un server con certificato autofirmato nella tua rete)",
        "Не проверять сертификат Document Server (небезопасно: только для сервера с самоподписанным сертификатом в вашей собственной сети)",
        "不验证 Document Server 的证书（不安全：仅适用于您自己网络中使用自签名证书的服务器）",
        "Document Server の証明書を検証しない（安全ではありません: 自社ネットワーク内の自己署名証明書を使うサーバーの場合のみ）"
    ),
    e!(
        "Saving…",
        "Wird gespeichert…",
        "Guardando…",
        "Enregistrement…",
        "Salvataggio…",
        "Сохранение…",
        "正在保存…",
        "保存しています…"
    ),
    e!(
        "Testing…",
        "Wird getestet…",
        "Probando…",
        "Test en cours…",
        "Verifica in corso…",
        "Проверка…",
        "正在测试…",
        "テストしています…"
    ),
    e!(
        "Test connection",
        "Verbindung testen",
        "Probar la conexión",
        "Tester la connexion",
        "Verifica la connessione",
        "Проверить подключение",
        "测试连接",
        "接続をテスト"
    ),
    e!(
        "Connected to ONLYOFFICE Docs {version}.",
        "Verbunden mit ONLYOFFICE Docs {version}.",
        "Conectado a ONLYOFFICE Docs {version}.",
        "Connecté à ONLYOFFICE Docs {version}.",
        "Connesso a ONLYOFFICE Docs {version}.",
        "Подключено к ONLYOFFICE Docs {version}.",
        "已连接到 ONLYOFFICE Docs {version}。",
        "ONLYOFFICE Docs {version} に接続しました。"
    ),
    e!(
        "The connection does not work yet.",
        "Die Verbindung funktioniert noch nicht.",
        "La conexión aún no funciona.",
        "La connexion ne fonctionne pas encore.",
        "La connessione non funziona ancora.",
        "Подключение пока не работает.",
        "连接尚不可用。",
        "接続はまだ機能していません。"
    ),
    e!(
        "Settings saved.",
        "Einstellungen gespeichert.",
        "Ajustes guardados.",
        "Paramètres enregistrés.",
        "Impostazioni salvate.",
        "Настройки сохранены.",
        "设置已保存。",
        "設定を保存しました。"
    ),
    e!(
        "Please correct the fields marked above.",
        "Bitte korrigieren Sie die oben markierten Felder.",
        "Corrija los campos marcados arriba.",
        "Veuillez corriger les champs signalés ci-dessus.",
        "Correggi i campi segnalati sopra.",
        "Исправьте отмеченные выше поля.",
        "请更正上方标出的字段。",
        "上で示された項目を修正してください。"
    ),
    e!(
        "Not saved: {reason}",
        "Nicht gespeichert: {reason}",
        "No se ha guardado: {reason}",
        "Non enregistré : {reason}",
        "Non salvato: {reason}",
        "Не сохранено: {reason}",
        "未保存：{reason}",
        "保存されませんでした: {reason}"
    ),
    e!(
        "Cannot load the demo server's state",
        "Der Zustand des Demo-Servers kann nicht geladen werden",
        "No se puede cargar el estado del servidor de demostración",
        "Impossible de charger l'état du serveur de démonstration",
        "Impossibile caricare lo stato del server demo",
        "Не удаётся загрузить состояние демо-сервера",
        "无法加载演示服务器的状态",
        "デモサーバーの状態を読み込めません"
    ),
    e!(
        "Demo server",
        "Demo-Server",
        "Servidor de demostración",
        "Serveur de démonstration",
        "Server demo",
        "Демо-сервер",
        "演示服务器",
        "デモサーバー"
    ),
    e!(
        "No Document Server yet? Try Confluo with ONLYOFFICE's public demo server for 30 days. Anyone may use that server: open only documents you would show anyone. While the demo is in use, documents open there and the settings above are kept for later.",
        "Noch kein Document Server? Testen Sie Confluo 30 Tage lang mit dem öffentlichen Demo-Server von ONLYOFFICE. Diesen Server kann jeder nutzen: Öffnen Sie dort nur Dokumente, die Sie jedem zeigen würden. Solange die Demo läuft, öffnen sich Dokumente dort, und die Einstellungen oben bleiben für später erhalten.",
        "¿Aún no tiene un Document Server? Pruebe Confluo con el servidor de demostración público de ONLYOFFICE durante 30 días. Cualquiera puede usar ese servidor: abra solo documentos que mostraría a cualquiera. Mientras la demostración esté en uso, los documentos se abren allí y los ajustes de arriba se conservan para más adelante.",
        "Pas encore de Document Server ? Essayez Confluo avec le serveur de démonstration public d'ONLYOFFICE pendant 30 jours. Tout le monde peut utiliser ce serveur : n'y ouvrez que des documents que vous montreriez à n'importe qui. Tant que la démonstration est utilisée, les documents s'y ouvrent et les paramètres ci-dessus sont conservés pour plus tard.",
        "Non hai ancora un Document Server? Prova Confluo con il server demo pubblico di ONLYOFFICE per 30 giorni. Chiunque può usare quel server: apri solo documenti che mostreresti a chiunque. Finché la demo è in uso, i documenti si aprono lì e le impostazioni qui sopra vengono conservate per dopo.",
        "Ещё нет Document Server? Попробуйте Confluo с общедоступным демо-сервером ONLYOFFICE в течение 30 дней. Этим сервером может пользоваться кто угодно: открывайте на нём только документы, которые можно показать любому. Пока используется демо, документы открываются на нём, а настройки выше сохраняются на будущее.",
        "还没有 Document Server？可使用 ONLYOFFICE 的公共演示服务器试用 Confluo 30 天。任何人都可以使用该服务器：只打开可以公开给任何人的文档。演示使用期间，文档在该服务器上打开，上方的设置会保留供以后使用。",
        "Document Server がまだありませんか? ONLYOFFICE の公開デモサーバーで Confluo を 30 日間お試しいただけます。このサーバーは誰でも利用できるため、誰に見られてもよい文書だけを開いてください。デモの使用中は文書がそこで開き、上の設定は後で使えるよう保持されます。"
    ),
    e!(
        "Use ONLYOFFICE's demo server",
        "Demo-Server von ONLYOFFICE verwenden",
        "Usar el servidor de demostración de ONLYOFFICE",
        "Utiliser le serveur de démonstration d'ONLYOFFICE",
        "Usa il server demo di ONLYOFFICE",
        "Использовать демо-сервер ONLYOFFICE",
        "使用 ONLYOFFICE 的演示服务器",
        "ONLYOFFICE のデモサーバーを使用する"
    ),
    e!(
        "Loading…",
        "Wird geladen…",
        "Cargando…",
        "Chargement…",
        "Caricamento…",
        "Загрузка…",
        "正在加载…",
        "読み込んでいます…"
    ),
    e!(
        "Not in use. Once turned on, it works for {days} days and cannot be started again.",
        "Nicht in Verwendung. Einmal eingeschaltet, läuft er {days} Tage und kann danach nicht erneut gestartet werden.",
        "Sin usar. Una vez activado, funciona durante {days} días y no se puede volver a iniciar.",
        "Non utilisé. Une fois activé, il fonctionne pendant {days} jours et ne peut pas être relancé.",
        "Non in uso. Una volta attivato, funziona per {days} giorni e non può essere riavviato.",
        "Не используется. После включения работает {days} дней, повторно запустить его нельзя.",
        "未使用。开启后可使用 {days} 天，且无法再次启动。",
        "未使用です。有効にすると {days} 日間使用でき、再度開始することはできません。"
    ),
    e!(
        "In use until {until}.",
        "In Verwendung bis zum {until}.",
        "En uso hasta el {until}.",
        "Utilisé jusqu'au {until}.",
        "In uso fino al {until}.",
        "Используется до {until}.",
        "使用至 {until}。",
        "{until} まで使用中です。"
    ),
    e!(
        "Turned off. It can be turned on again until {until}.",
        "Ausgeschaltet. Er kann bis zum {until} wieder eingeschaltet werden.",
        "Desactivado. Se puede volver a activar hasta el {until}.",
        "Désactivé. Il peut être réactivé jusqu'au {until}.",
        "Disattivato. Può essere riattivato fino al {until}.",
        "Выключен. Его можно снова включить до {until}.",
        "已关闭。在 {until} 之前可以重新开启。",
        "無効です。{until} までは再度有効にできます。"
    ),
    e!(
        "The {days}-day demo ended on {until}. Set up your own Document Server above.",
        "Die {days}-tägige Demo endete am {until}. Richten Sie oben Ihren eigenen Document Server ein.",
        "La demostración de {days} días terminó el {until}. Configure su propio Document Server arriba.",
        "La démonstration de {days} jours s'est terminée le {until}. Configurez votre propre Document Server ci-dessus.",
        "La demo di {days} giorni è terminata il {until}. Configura il tuo Document Server qui sopra.",
        "Демо на {days} дней закончилось {until}. Настройте собственный Document Server выше.",
        "{days} 天的演示已于 {until} 结束。请在上方设置您自己的 Document Server。",
        "{days} 日間のデモは {until} に終了しました。上でご自身の Document Server を設定してください。"
    ),
    e!(
        "The demo server's state could not be read; try again.",
        "Der Zustand des Demo-Servers konnte nicht gelesen werden; versuchen Sie es erneut.",
        "No se pudo leer el estado del servidor de demostración; inténtelo de nuevo.",
        "L'état du serveur de démonstration n'a pas pu être lu ; réessayez.",
        "Non è stato possibile leggere lo stato del server demo; riprova.",
        "Не удалось прочитать состояние демо-сервера; попробуйте ещё раз.",
        "无法读取演示服务器的状态，请重试。",
        "デモサーバーの状態を読み取れませんでした。もう一度お試しください。"
    ),
    e!(
        "The demo server could not be switched; nothing was changed.",
        "Der Demo-Server konnte nicht umgeschaltet werden; nichts wurde geändert.",
        "No se pudo cambiar el servidor de demostración; no se ha modificado nada.",
        "Le serveur de démonstration n'a pas pu être basculé ; rien n'a été modifié.",
        "Non è stato possibile cambiare il server demo; nulla è stato modificato.",
        "Не удалось переключить демо-сервер; ничего не изменено.",
        "无法切换演示服务器，未做任何更改。",
        "デモサーバーを切り替えられませんでした。何も変更されていません。"
    ),
    e!(
        "Cannot load the editing options",
        "Die Bearbeitungsoptionen können nicht geladen werden",
        "No se pueden cargar las opciones de edición",
        "Impossible de charger les options d'édition",
        "Impossibile caricare le opzioni di modifica",
        "Не удаётся загрузить параметры редактирования",
        "无法加载编辑选项",
        "編集オプションを読み込めません"
    ),
    e!(
        "Editing options",
        "Bearbeitungsoptionen",
        "Opciones de edición",
        "Options d'édition",
        "Opzioni di modifica",
        "Параметры редактирования",
        "编辑选项",
        "編集オプション"
    ),
    e!(
        "Edit in place",
        "Im eigenen Format bearbeiten",
        "Editar en su formato",
        "Modifier dans leur format",
        "Modifica nel formato originale",
        "Редактировать в исходном формате",
        "以原格式编辑",
        "元の形式で編集"
    ),
    e!(
        "Files in these formats open for editing and are saved back in their own format, which may lose formatting it cannot hold. Others are converted to DOCX, XLSX or PPTX first.",
        "Dateien in diesen Formaten öffnen sich zum Bearbeiten und werden in ihrem eigenen Format gespeichert; dabei kann Formatierung verloren gehen, die das Format nicht abbilden kann. Andere werden zuerst in DOCX, XLSX oder PPTX konvertiert.",
        "Los archivos en estos formatos se abren para editar y se guardan en su propio formato, lo que puede perder el formato que este no admita. Los demás se convierten primero a DOCX, XLSX o PPTX.",
        "Les fichiers dans ces formats s'ouvrent en édition et sont enregistrés dans leur propre format, ce qui peut perdre la mise en forme que celui-ci ne sait pas conserver. Les autres sont d'abord convertis en DOCX, XLSX ou PPTX.",
        "I file in questi formati si aprono in modifica e vengono salvati nel loro formato, che può perdere la formattazione che non supporta. Gli altri vengono prima convertiti in DOCX, XLSX o PPTX.",
        "Файлы в этих форматах открываются для редактирования и сохраняются в своём формате, при этом может потеряться оформление, которое формат не поддерживает. Остальные сначала преобразуются в DOCX, XLSX или PPTX.",
        "这些格式的文件会以编辑模式打开并按原格式保存，可能丢失该格式无法保留的排版。其他文件会先转换为 DOCX、XLSX 或 PPTX。",
        "これらの形式のファイルは編集用に開き、元の形式で保存されます。その形式で保持できない書式は失われる場合があります。その他の形式は先に DOCX、XLSX、PPTX に変換されます。"
    ),
    e!(
        "Largest file (MB)",
        "Größte Datei (MB)",
        "Archivo más grande (MB)",
        "Taille maximale de fichier (Mo)",
        "File più grande (MB)",
        "Наибольший файл (МБ)",
        "最大文件（MB）",
        "最大ファイルサイズ（MB）"
    ),
    e!(
        "Bigger attachments are not opened or converted. The Document Server has its own limit (100 MB unless changed).",
        "Größere Anhänge werden weder geöffnet noch konvertiert. Der Document Server hat sein eigenes Limit (100 MB, sofern nicht geändert).",
        "Los archivos adjuntos más grandes no se abren ni se convierten. El Document Server tiene su propio límite (100 MB si no se ha cambiado).",
        "Les pièces jointes plus grandes ne sont ni ouvertes ni converties. Le Document Server a sa propre limite (100 Mo sauf modification).",
        "Gli allegati più grandi non vengono aperti né convertiti. Il Document Server ha un proprio limite (100 MB se non modificato).",
        "Вложения большего размера не открываются и не преобразуются. У Document Server есть собственный предел (100 МБ, если не изменён).",
        "更大的附件不会被打开或转换。Document Server 有自己的限制（未更改时为 100 MB）。",
        "これより大きい添付ファイルは開いたり変換したりしません。Document Server にも独自の上限があります（変更しない限り 100 MB）。"
    ),
    e!(
        "Editor",
        "Editor",
        "Editor",
        "Éditeur",
        "Editor",
        "Редактор",
        "编辑器",
        "エディター"
    ),
    e!(
        "Chat",
        "Chat",
        "Chat",
        "Chat",
        "Chat",
        "Чат",
        "聊天",
        "チャット"
    ),
    e!(
        "Compact header",
        "Kompakte Kopfzeile",
        "Encabezado compacto",
        "En-tête compact",
        "Intestazione compatta",
        "Компактный заголовок",
        "紧凑标题栏",
        "コンパクトヘッダー"
    ),
    e!(
        "Feedback & Support button",
        "Schaltfläche „Feedback & Support“",
        "Botón «Comentarios y soporte»",
        "Bouton « Commentaires et assistance »",
        "Pulsante «Feedback e supporto»",
        "Кнопка «Отзывы и поддержка»",
        "“反馈与支持”按钮",
        "「フィードバックとサポート」ボタン"
    ),
    e!(
        "Help menu",
        "Hilfe-Menü",
        "Menú de ayuda",
        "Menu d'aide",
        "Menu Guida",
        "Меню справки",
        "帮助菜单",
        "ヘルプメニュー"
    ),
    e!(
        "Tracked changes for people who view",
        "Nachverfolgte Änderungen für Personen, die ansehen",
        "Cambios registrados para quienes solo ven",
        "Modifications suivies pour les personnes en consultation",
        "Modifiche rilevate per chi visualizza",
        "Отслеживаемые изменения для тех, кто просматривает",
        "查看者看到的修订",
        "表示のみのユーザーに対する変更履歴"
    ),
    e!(
        "Show changes marked in the text",
        "Änderungen im Text markiert zeigen",
        "Mostrar los cambios marcados en el texto",
        "Afficher les modifications marquées dans le texte",
        "Mostra le modifiche evidenziate nel testo",
        "Показывать изменения с пометками в тексте",
        "在文本中标记显示修订",
        "変更箇所をテキスト内に表示"
    ),
    e!(
        "Show the text with all changes accepted",
        "Text mit allen angenommenen Änderungen zeigen",
        "Mostrar el texto con todos los cambios aceptados",
        "Afficher le texte avec toutes les modifications acceptées",
        "Mostra il testo con tutte le modifiche accettate",
        "Показывать текст со всеми принятыми изменениями",
        "显示接受所有修订后的文本",
        "すべての変更を承諾したテキストを表示"
    ),
    e!(
        "Show the text before the changes",
        "Text vor den Änderungen zeigen",
        "Mostrar el texto antes de los cambios",
        "Afficher le texte avant les modifications",
        "Mostra il testo prima delle modifiche",
        "Показывать текст до изменений",
        "显示修订前的文本",
        "変更前のテキストを表示"
    ),
    e!(
        "Macros in documents",
        "Makros in Dokumenten",
        "Macros en los documentos",
        "Macros dans les documents",
        "Macro nei documenti",
        "Макросы в документах",
        "文档中的宏",
        "文書内のマクロ"
    ),
    e!(
        "Ask before running macros",
        "Vor dem Ausführen von Makros fragen",
        "Preguntar antes de ejecutar macros",
        "Demander avant d'exécuter les macros",
        "Chiedi prima di eseguire le macro",
        "Спрашивать перед запуском макросов",
        "运行宏之前询问",
        "マクロを実行する前に確認する"
    ),
    e!(
        "Run macros",
        "Makros ausführen",
        "Ejecutar macros",
        "Exécuter les macros",
        "Esegui le macro",
        "Запускать макросы",
        "运行宏",
        "マクロを実行する"
    ),
    e!(
        "Never run macros",
        "Makros nie ausführen",
        "No ejecutar nunca macros",
        "Ne jamais exécuter les macros",
        "Non eseguire mai le macro",
        "Никогда не запускать макросы",
        "从不运行宏",
        "マクロを実行しない"
    ),
    e!(
        "Spaces without Confluo",
        "Bereiche ohne Confluo",
        "Espacios sin Confluo",
        "Espaces sans Confluo",
        "Spazi senza Confluo",
        "Пространства без Confluo",
        "不使用 Confluo 的空间",
        "Confluo を使用しないスペース"
    ),
    e!(
        "Space keys, separated by commas. People in these spaces cannot open, convert or create documents with Confluo.",
        "Bereichsschlüssel, durch Kommas getrennt. In diesen Bereichen kann niemand Dokumente mit Confluo öffnen, konvertieren oder erstellen.",
        "Claves de espacio, separadas por comas. En estos espacios nadie puede abrir, convertir ni crear documentos con Confluo.",
        "Clés d'espace, séparées par des virgules. Dans ces espaces, personne ne peut ouvrir, convertir ni créer de documents avec Confluo.",
        "Chiavi di spazio, separate da virgole. In questi spazi nessuno può aprire, convertire o creare documenti con Confluo.",
        "Ключи пространств через запятую. В этих пространствах никто не может открывать, преобразовывать или создавать документы с помощью Confluo.",
        "空间键，以逗号分隔。在这些空间中，任何人都无法使用 Confluo 打开、转换或创建文档。",
        "スペースキーをカンマ区切りで入力します。これらのスペースでは、誰も Confluo で文書を開いたり、変換したり、作成したりできません。"
    ),
    e!(
        "Spaces that only view",
        "Bereiche nur zum Ansehen",
        "Espacios solo para ver",
        "Espaces en consultation seule",
        "Spazi in sola visualizzazione",
        "Пространства только для просмотра",
        "仅查看的空间",
        "表示専用のスペース"
    ),
    e!(
        "Space keys, separated by commas. Documents there open for viewing only, even for people who may edit the page; nothing is converted or created.",
        "Bereichsschlüssel, durch Kommas getrennt. Dokumente dort öffnen sich nur zum Ansehen, auch für Personen, die die Seite bearbeiten dürfen; nichts wird konvertiert oder erstellt.",
        "Claves de espacio, separadas por comas. Allí los documentos se abren solo para ver, incluso para quienes pueden editar la página; no se convierte ni se crea nada.",
        "Clés d'espace, séparées par des virgules. Les documents s'y ouvrent en consultation seule, même pour les personnes qui peuvent modifier la page ; rien n'est converti ni créé.",
        "Chiavi di spazio, separate da virgole. Lì i documenti si aprono in sola visualizzazione, anche per chi può modificare la pagina; nulla viene convertito o creato.",
        "Ключи пространств через запятую. Документы там открываются только для просмотра, даже для тех, кто может редактировать страницу; ничего не преобразуется и не создаётся.",
        "空间键，以逗号分隔。这些空间中的文档仅以查看模式打开，即使对可编辑页面的人也是如此；不会转换或创建任何文档。",
        "スペースキーをカンマ区切りで入力します。これらのスペースの文書は、ページを編集できるユーザーにも表示専用で開きます。変換や作成もできません。"
    ),
    e!(
        "Groups that only view",
        "Gruppen nur zum Ansehen",
        "Grupos solo para ver",
        "Groupes en consultation seule",
        "Gruppi in sola visualizzazione",
        "Группы только для просмотра",
        "仅查看的群组",
        "表示専用のグループ"
    ),
    e!(
        "Confluence group names, separated by commas. Their members open documents for viewing only in every space, even where they may edit the page; they convert and create nothing.",
        "Namen von Confluence-Gruppen, durch Kommas getrennt. Ihre Mitglieder öffnen Dokumente in jedem Bereich nur zum Ansehen, auch wo sie die Seite bearbeiten dürfen; sie konvertieren und erstellen nichts.",
        "Nombres de grupos de Confluence, separados por comas. Sus miembros abren los documentos solo para ver en todos los espacios, incluso donde pueden editar la página; no convierten ni crean nada.",
        "Noms de groupes Confluence, séparés par des virgules. Leurs membres ouvrent les documents en consultation seule dans tous les espaces, même là où ils peuvent modifier la page ; ils ne convertissent ni ne créent rien.",
        "Nomi di gruppi Confluence, separati da virgole. I loro membri aprono i documenti in sola visualizzazione in ogni spazio, anche dove possono modificare la pagina; non convertono né creano nulla.",
        "Названия групп Confluence через запятую. Их участники открывают документы только для просмотра во всех пространствах, даже там, где могут редактировать страницу; они ничего не преобразуют и не создают.",
        "Confluence 群组名称，以逗号分隔。其成员在所有空间中都只能以查看模式打开文档，即使可以编辑页面；他们不能转换或创建任何文档。",
        "Confluence のグループ名をカンマ区切りで入力します。メンバーは、ページを編集できる場合でも、すべてのスペースで文書を表示専用で開きます。変換や作成もできません。"
    ),
    e!(
        "Labels that only view",
        "Labels nur zum Ansehen",
        "Etiquetas solo para ver",
        "Étiquettes en consultation seule",
        "Etichette in sola visualizzazione",
        "Метки только для просмотра",
        "仅查看的标签",
        "表示専用のラベル"
    ),
    e!(
        "Confluence labels, separated by commas. Files that carry one open for viewing only, for everyone; their earlier versions cannot be restored. Copies and conversions of them can be edited.",
        "Confluence-Labels, durch Kommas getrennt. Dateien mit einem davon öffnen sich für alle nur zum Ansehen; ihre früheren Versionen können nicht wiederhergestellt werden. Kopien und Konvertierungen davon lassen sich bearbeiten.",
        "Etiquetas de Confluence, separadas por comas. Los archivos que lleven una se abren solo para ver, para todos; sus versiones anteriores no se pueden restaurar. Sus copias y conversiones sí se pueden editar.",
        "Étiquettes Confluence, séparées par des virgules. Les fichiers qui en portent une s'ouvrent en consultation seule pour tout le monde ; leurs versions antérieures ne peuvent pas être restaurées. Leurs copies et conversions restent modifiables.",
        "Etichette Confluence, separate da virgole. I file che ne hanno una si aprono in sola visualizzazione per tutti; le loro versioni precedenti non possono essere ripristinate. Copie e conversioni restano modificabili.",
        "Метки Confluence через запятую. Файлы с такой меткой открываются только для просмотра для всех; их прежние версии нельзя восстановить. Копии и преобразованные версии можно редактировать.",
        "Confluence 标签，以逗号分隔。带有其中任一标签的文件对所有人都仅以查看模式打开，且无法恢复其早期版本。其副本和转换结果仍可编辑。",
        "Confluence のラベルをカンマ区切りで入力します。いずれかのラベルが付いたファイルは全員に対して表示専用で開き、以前のバージョンは復元できません。そのコピーや変換後のファイルは編集できます。"
    ),
    e!(
        "Save editing options",
        "Bearbeitungsoptionen speichern",
        "Guardar las opciones de edición",
        "Enregistrer les options d'édition",
        "Salva le opzioni di modifica",
        "Сохранить параметры редактирования",
        "保存编辑选项",
        "編集オプションを保存"
    ),
    e!(
        "Editing options saved.",
        "Bearbeitungsoptionen gespeichert.",
        "Opciones de edición guardadas.",
        "Options d'édition enregistrées.",
        "Opzioni di modifica salvate.",
        "Параметры редактирования сохранены.",
        "编辑选项已保存。",
        "編集オプションを保存しました。"
    ),
    e!(
        "Unsaved edits",
        "Nicht gespeicherte Bearbeitungen",
        "Ediciones sin guardar",
        "Modifications non enregistrées",
        "Modifiche non salvate",
        "Несохранённые правки",
        "未保存的编辑",
        "未保存の編集"
    ),
    e!(
        "When Confluence could not take an edit (every retry failed), the Document Server keeps it. Store each here as a new version of its attachment.",
        "Wenn Confluence eine Bearbeitung nicht annehmen konnte (alle Wiederholungen schlugen fehl), behält der Document Server sie. Speichern Sie jede hier als neue Version ihres Anhangs.",
        "Cuando Confluence no pudo aceptar una edición (fallaron todos los reintentos), el Document Server la conserva. Guarde cada una aquí como nueva versión de su archivo adjunto.",
        "Quand Confluence n'a pas pu accepter une modification (toutes les tentatives ont échoué), le Document Server la conserve. Enregistrez chacune ici comme nouvelle version de sa pièce jointe.",
        "Quando Confluence non ha potuto accettare una modifica (tutti i tentativi sono falliti), il Document Server la conserva. Salvala qui come nuova versione del suo allegato.",
        "Если Confluence не смог принять правку (все повторные попытки не удались), Document Server сохраняет её. Сохраните каждую здесь как новую версию её вложения.",
        "当 Confluence 无法接收某次编辑（所有重试均失败）时，Document Server 会保留它。请在此处将每项编辑保存为其附件的新版本。",
        "Confluence が編集内容を受け取れなかった場合（再試行がすべて失敗した場合）、Document Server がそれを保持します。ここでそれぞれを添付ファイルの新しいバージョンとして保存してください。"
    ),
    e!(
        "Checking…",
        "Wird geprüft…",
        "Comprobando…",
        "Vérification…",
        "Controllo in corso…",
        "Проверка…",
        "正在检查…",
        "確認しています…"
    ),
    e!(
        "Check for unsaved edits",
        "Nach nicht gespeicherten Bearbeitungen suchen",
        "Buscar ediciones sin guardar",
        "Rechercher les modifications non enregistrées",
        "Cerca modifiche non salvate",
        "Проверить несохранённые правки",
        "检查未保存的编辑",
        "未保存の編集を確認"
    ),
    e!(
        "No unsaved edits.",
        "Keine nicht gespeicherten Bearbeitungen.",
        "No hay ediciones sin guardar.",
        "Aucune modification non enregistrée.",
        "Nessuna modifica non salvata.",
        "Несохранённых правок нет.",
        "没有未保存的编辑。",
        "未保存の編集はありません。"
    ),
    e!(
        "A deleted attachment",
        "Ein gelöschter Anhang",
        "Un archivo adjunto eliminado",
        "Une pièce jointe supprimée",
        "Un allegato eliminato",
        "Удалённое вложение",
        "已删除的附件",
        "削除された添付ファイル"
    ),
    e!(
        "(page {page}, edit of version {version})",
        "(Seite {page}, Bearbeitung von Version {version})",
        "(página {page}, edición de la versión {version})",
        "(page {page}, modification de la version {version})",
        "(pagina {page}, modifica della versione {version})",
        "(страница {page}, правка версии {version})",
        "（页面 {page}，基于版本 {version} 的编辑）",
        "（ページ {page}、バージョン {version} の編集）"
    ),
    e!(
        "Save as a new version",
        "Als neue Version speichern",
        "Guardar como nueva versión",
        "Enregistrer comme nouvelle version",
        "Salva come nuova versione",
        "Сохранить как новую версию",
        "另存为新版本",
        "新しいバージョンとして保存"
    ),
    e!(
        "Saved as version {version}.",
        "Als Version {version} gespeichert.",
        "Guardado como versión {version}.",
        "Enregistré comme version {version}.",
        "Salvato come versione {version}.",
        "Сохранено как версия {version}.",
        "已保存为版本 {version}。",
        "バージョン {version} として保存しました。"
    ),
    // Checks of the configure page's fields.
    e!(
        "Enter the address of the Document Server.",
        "Geben Sie die Adresse des Document Servers ein.",
        "Introduzca la dirección del Document Server.",
        "Saisissez l'adresse du Document Server.",
        "Inserisci l'indirizzo del Document Server.",
        "Введите адрес Document Server.",
        "请输入 Document Server 的地址。",
        "Document Server のアドレスを入力してください。"
    ),
    e!(
        "The address must start with https:// or http://.",
        "Die Adresse muss mit https:// oder http:// beginnen.",
        "La dirección debe empezar por https:// o http://.",
        "L'adresse doit commencer par https:// ou http://.",
        "L'indirizzo deve iniziare con https:// o http://.",
        "Адрес должен начинаться с https:// или http://.",
        "地址必须以 https:// 或 http:// 开头。",
        "アドレスは https:// または http:// で始まる必要があります。"
    ),
    e!(
        "This is not a valid web address.",
        "Dies ist keine gültige Webadresse.",
        "Esta no es una dirección web válida.",
        "Ce n'est pas une adresse web valide.",
        "Questo non è un indirizzo web valido.",
        "Это не корректный веб-адрес.",
        "这不是有效的网址。",
        "有効な Web アドレスではありません。"
    ),
    e!(
        "The address cannot contain ? or #.",
        "Die Adresse darf weder ? noch # enthalten.",
        "La dirección no puede contener ? ni #.",
        "L'adresse ne peut pas contenir ? ni #.",
        "L'indirizzo non può contenere ? o #.",
        "Адрес не может содержать ? или #.",
        "地址不能包含 ? 或 #。",
        "アドレスに ? や # を含めることはできません。"
    ),
    e!(
        "Browsers open this address from Confluence pages served over https; use https.",
        "Browser öffnen diese Adresse aus Confluence-Seiten, die über https ausgeliefert werden; verwenden Sie https.",
        "Los navegadores abren esta dirección desde páginas de Confluence servidas por https; use https.",
        "Les navigateurs ouvrent cette adresse depuis des pages Confluence servies en https ; utilisez https.",
        "I browser aprono questo indirizzo da pagine Confluence servite via https; usa https.",
        "Браузеры открывают этот адрес со страниц Confluence, работающих по https; используйте https.",
        "浏览器从通过 https 提供的 Confluence 页面打开此地址，请使用 https。",
        "ブラウザーは https で配信される Confluence ページからこのアドレスを開きます。https を使用してください。"
    ),
    e!(
        "The secret must be at least {count} characters long.",
        "Das Geheimnis muss mindestens {count} Zeichen lang sein.",
        "El secreto debe tener al menos {count} caracteres.",
        "Le secret doit comporter au moins {count} caractères.",
        "Il segreto deve contenere almeno {count} caratteri.",
        "Секрет должен содержать не меньше {count} символов.",
        "密钥长度至少为 {count} 个字符。",
        "シークレットは {count} 文字以上にしてください。"
    ),
    e!(
        "The header name may use letters, digits, - and _ only.",
        "Der Header-Name darf nur Buchstaben, Ziffern, - und _ enthalten.",
        "El nombre de la cabecera solo puede contener letras, dígitos, - y _.",
        "Le nom de l'en-tête ne peut contenir que des lettres, des chiffres, - et _.",
        "Il nome dell'intestazione può contenere solo lettere, cifre, - e _.",
        "Имя заголовка может содержать только буквы, цифры, - и _.",
        "标头名称只能包含字母、数字、- 和 _。",
        "ヘッダー名には英字、数字、- と _ のみを使用できます。"
    ),
    e!(
        "{format} is not a format the Document Server can edit in place.",
        "{format} ist kein Format, das der Document Server im eigenen Format bearbeiten kann.",
        "{format} no es un formato que el Document Server pueda editar en su propio formato.",
        "{format} n'est pas un format que le Document Server peut modifier dans son propre format.",
        "{format} non è un formato che il Document Server può modificare nel formato originale.",
        "{format} — не формат, который Document Server может редактировать в исходном виде.",
        "{format} 不是 Document Server 能以原格式编辑的格式。",
        "{format} は Document Server が元の形式で編集できる形式ではありません。"
    ),
    e!(
        "Enter a size from 1 to {max} MB.",
        "Geben Sie eine Größe von 1 bis {max} MB ein.",
        "Introduzca un tamaño de 1 a {max} MB.",
        "Saisissez une taille de 1 à {max} Mo.",
        "Inserisci una dimensione da 1 a {max} MB.",
        "Введите размер от 1 до {max} МБ.",
        "请输入 1 到 {max} MB 之间的大小。",
        "1 から {max} MB までのサイズを入力してください。"
    ),
    e!(
        "“{key}” is not a space key (letters and digits, like DEV or ~jane).",
        "„{key}“ ist kein Bereichsschlüssel (Buchstaben und Ziffern, etwa DEV oder ~jane).",
        "«{key}» no es una clave de espacio (letras y dígitos, como DEV o ~jane).",
        "« {key} » n'est pas une clé d'espace (lettres et chiffres, comme DEV ou ~jane).",
        "«{key}» non è una chiave di spazio (lettere e cifre, come DEV o ~jane).",
        "«{key}» — не ключ пространства (буквы и цифры, например DEV или ~jane).",
        "“{key}”不是空间键（字母和数字，例如 DEV 或 ~jane）。",
        "「{key}」はスペースキーではありません（DEV や ~jane のような英字と数字）。"
    ),
    e!(
        "“{name}” is not a group name (up to {max} characters, no commas or line breaks).",
        "„{name}“ ist kein Gruppenname (bis zu {max} Zeichen, ohne Kommas oder Zeilenumbrüche).",
        "«{name}» no es un nombre de grupo (hasta {max} caracteres, sin comas ni saltos de línea).",
        "« {name} » n'est pas un nom de groupe (jusqu'à {max} caractères, sans virgules ni retours à la ligne).",
        "«{name}» non è un nome di gruppo (fino a {max} caratteri, senza virgole né a capo).",
        "«{name}» — не название группы (до {max} символов, без запятых и переносов строк).",
        "“{name}”不是群组名称（最多 {max} 个字符，不含逗号或换行）。",
        "「{name}」はグループ名ではありません（{max} 文字以内、カンマや改行なし）。"
    ),
    e!(
        "“{label}” is not a label (one word, without spaces or punctuation like , : ; # ?).",
        "„{label}“ ist kein Label (ein Wort, ohne Leerzeichen oder Satzzeichen wie , : ; # ?).",
        "«{label}» no es una etiqueta (una sola palabra, sin espacios ni signos como , : ; # ?).",
        "« {label} » n'est pas une étiquette (un seul mot, sans espaces ni ponctuation comme , : ; # ?).",
        "«{label}» non è un'etichetta (una sola parola, senza spazi o punteggiatura come , : ; # ?).",
        "«{label}» — не метка (одно слово, без пробелов и знаков вроде , : ; # ?).",
        "“{label}”不是标签（单个词，不含空格或 , : ; # ? 等标点）。",
        "「{label}」はラベルではありません（1 語で、空白や , : ; # ? などの記号を含まない）。"
    ),
    // What the settings' server functions answer.
    e!(
        "The settings could not be read; try again.",
        "Die Einstellungen konnten nicht gelesen werden; versuchen Sie es erneut.",
        "No se pudieron leer los ajustes; inténtelo de nuevo.",
        "Les paramètres n'ont pas pu être lus ; réessayez.",
        "Non è stato possibile leggere le impostazioni; riprova.",
        "Не удалось прочитать настройки; попробуйте ещё раз.",
        "无法读取设置，请重试。",
        "設定を読み取れませんでした。もう一度お試しください。"
    ),
    e!(
        "The settings could not be saved; nothing was changed.",
        "Die Einstellungen konnten nicht gespeichert werden; nichts wurde geändert.",
        "No se pudieron guardar los ajustes; no se ha modificado nada.",
        "Les paramètres n'ont pas pu être enregistrés ; rien n'a été modifié.",
        "Non è stato possibile salvare le impostazioni; nulla è stato modificato.",
        "Не удалось сохранить настройки; ничего не изменено.",
        "无法保存设置，未做任何更改。",
        "設定を保存できませんでした。何も変更されていません。"
    ),
    e!(
        "The settings were saved but cannot be read back; reload the page.",
        "Die Einstellungen wurden gespeichert, können aber nicht wieder gelesen werden; laden Sie die Seite neu.",
        "Los ajustes se guardaron, pero no se pueden volver a leer; recargue la página.",
        "Les paramètres ont été enregistrés mais ne peuvent pas être relus ; rechargez la page.",
        "Le impostazioni sono state salvate ma non possono essere rilette; ricarica la pagina.",
        "Настройки сохранены, но их не удаётся прочитать; перезагрузите страницу.",
        "设置已保存，但无法读回，请重新加载页面。",
        "設定は保存されましたが、読み直せません。ページを再読み込みしてください。"
    ),
    e!(
        "The editing options could not be read; try again.",
        "Die Bearbeitungsoptionen konnten nicht gelesen werden; versuchen Sie es erneut.",
        "No se pudieron leer las opciones de edición; inténtelo de nuevo.",
        "Les options d'édition n'ont pas pu être lues ; réessayez.",
        "Non è stato possibile leggere le opzioni di modifica; riprova.",
        "Не удалось прочитать параметры редактирования; попробуйте ещё раз.",
        "无法读取编辑选项，请重试。",
        "編集オプションを読み取れませんでした。もう一度お試しください。"
    ),
    e!(
        "The editing options could not be saved; nothing was changed.",
        "Die Bearbeitungsoptionen konnten nicht gespeichert werden; nichts wurde geändert.",
        "No se pudieron guardar las opciones de edición; no se ha modificado nada.",
        "Les options d'édition n'ont pas pu être enregistrées ; rien n'a été modifié.",
        "Non è stato possibile salvare le opzioni di modifica; nulla è stato modificato.",
        "Не удалось сохранить параметры редактирования; ничего не изменено.",
        "无法保存编辑选项，未做任何更改。",
        "編集オプションを保存できませんでした。何も変更されていません。"
    ),
    e!(
        "Only a signed-in administrator may change the settings.",
        "Nur ein angemeldeter Administrator darf die Einstellungen ändern.",
        "Solo un administrador que haya iniciado sesión puede cambiar los ajustes.",
        "Seul un administrateur connecté peut modifier les paramètres.",
        "Solo un amministratore che ha effettuato l'accesso può modificare le impostazioni.",
        "Изменять настройки может только администратор, выполнивший вход.",
        "只有已登录的管理员才能更改设置。",
        "設定を変更できるのは、サインインしている管理者だけです。"
    ),
    e!(
        "Only site administrators may change Confluo's settings.",
        "Nur Website-Administratoren dürfen die Einstellungen von Confluo ändern.",
        "Solo los administradores del sitio pueden cambiar los ajustes de Confluo.",
        "Seuls les administrateurs du site peuvent modifier les paramètres de Confluo.",
        "Solo gli amministratori del sito possono modificare le impostazioni di Confluo.",
        "Изменять настройки Confluo могут только администраторы сайта.",
        "只有站点管理员才能更改 Confluo 的设置。",
        "Confluo の設定を変更できるのはサイト管理者だけです。"
    ),
    e!(
        "Confluence did not vouch for this request ({reason}). Reload the page and try again.",
        "Confluence hat diese Anfrage nicht bestätigt ({reason}). Laden Sie die Seite neu und versuchen Sie es erneut.",
        "Confluence no ha avalado esta solicitud ({reason}). Recargue la página e inténtelo de nuevo.",
        "Confluence n'a pas authentifié cette requête ({reason}). Rechargez la page et réessayez.",
        "Confluence non ha garantito questa richiesta ({reason}). Ricarica la pagina e riprova.",
        "Confluence не подтвердил этот запрос ({reason}). Перезагрузите страницу и попробуйте ещё раз.",
        "Confluence 未能验证此请求（{reason}）。请重新加载页面后重试。",
        "Confluence はこのリクエストを保証しませんでした（{reason}）。ページを再読み込みして、もう一度お試しください。"
    ),
    e!(
        "Log in to Confluence to do this.",
        "Melden Sie sich bei Confluence an, um dies zu tun.",
        "Inicie sesión en Confluence para hacerlo.",
        "Connectez-vous à Confluence pour effectuer cette action.",
        "Accedi a Confluence per farlo.",
        "Войдите в Confluence, чтобы сделать это.",
        "请登录 Confluence 后再执行此操作。",
        "この操作を行うには Confluence にログインしてください。"
    ),
    // Test connection.
    e!(
        "Correct the form first: {problem}",
        "Korrigieren Sie zuerst das Formular: {problem}",
        "Corrija primero el formulario: {problem}",
        "Corrigez d'abord le formulaire : {problem}",
        "Correggi prima il modulo: {problem}",
        "Сначала исправьте форму: {problem}",
        "请先更正表单：{problem}",
        "先にフォームを修正してください: {problem}"
    ),
    e!(
        "Health check",
        "Zustandsprüfung",
        "Comprobación de estado",
        "Contrôle d'état",
        "Controllo di integrità",
        "Проверка состояния",
        "健康检查",
        "ヘルスチェック"
    ),
    e!(
        "{address} answers and reports healthy",
        "{address} antwortet und meldet sich als funktionsfähig",
        "{address} responde e informa de que funciona correctamente",
        "{address} répond et se déclare en bon état",
        "{address} risponde e segnala di essere integro",
        "{address} отвечает и сообщает, что работает нормально",
        "{address} 已响应并报告运行正常",
        "{address} が応答し、正常であると報告しています"
    ),
    e!(
        "Secret and header",
        "Geheimnis und Header",
        "Secreto y cabecera",
        "Secret et en-tête",
        "Segreto e intestazione",
        "Секрет и заголовок",
        "密钥和标头",
        "シークレットとヘッダー"
    ),
    e!(
        "ONLYOFFICE Docs {version} accepted Confluo's signed request",
        "ONLYOFFICE Docs {version} hat die signierte Anfrage von Confluo angenommen",
        "ONLYOFFICE Docs {version} aceptó la solicitud firmada de Confluo",
        "ONLYOFFICE Docs {version} a accepté la requête signée de Confluo",
        "ONLYOFFICE Docs {version} ha accettato la richiesta firmata di Confluo",
        "ONLYOFFICE Docs {version} принял подписанный запрос Confluo",
        "ONLYOFFICE Docs {version} 已接受 Confluo 的签名请求",
        "ONLYOFFICE Docs {version} が Confluo の署名付きリクエストを受け付けました"
    ),
    e!(
        "ONLYOFFICE Docs {version} answered without a secret: anyone who can reach it can use it; set a JWT secret on both sides",
        "ONLYOFFICE Docs {version} hat ohne Geheimnis geantwortet: Jeder, der ihn erreicht, kann ihn nutzen; legen Sie auf beiden Seiten ein JWT-Geheimnis fest",
        "ONLYOFFICE Docs {version} respondió sin secreto: cualquiera que pueda llegar a él puede usarlo; defina un secreto JWT en ambos lados",
        "ONLYOFFICE Docs {version} a répondu sans secret : quiconque peut le joindre peut l'utiliser ; définissez un secret JWT des deux côtés",
        "ONLYOFFICE Docs {version} ha risposto senza segreto: chiunque possa raggiungerlo può usarlo; imposta un segreto JWT su entrambi i lati",
        "ONLYOFFICE Docs {version} ответил без секрета: им может пользоваться любой, кто до него доберётся; задайте секрет JWT с обеих сторон",
        "ONLYOFFICE Docs {version} 在没有密钥的情况下作出响应：任何能访问它的人都可以使用；请在两端设置 JWT 密钥",
        "ONLYOFFICE Docs {version} がシークレットなしで応答しました。アクセスできる人なら誰でも使用できます。両側で JWT シークレットを設定してください"
    ),
    e!(
        "Conversion",
        "Konvertierung",
        "Conversión",
        "Conversion",
        "Conversione",
        "Преобразование",
        "转换",
        "変換"
    ),
    e!(
        "the Document Server fetched a test file from Confluo at {address} and converted it",
        "der Document Server hat eine Testdatei von Confluo unter {address} abgerufen und konvertiert",
        "el Document Server obtuvo un archivo de prueba de Confluo en {address} y lo convirtió",
        "le Document Server a récupéré un fichier de test auprès de Confluo à l'adresse {address} et l'a converti",
        "il Document Server ha scaricato un file di prova da Confluo all'indirizzo {address} e lo ha convertito",
        "Document Server получил тестовый файл от Confluo по адресу {address} и преобразовал его",
        "Document Server 已从 {address} 的 Confluo 获取测试文件并完成转换",
        "Document Server が {address} の Confluo からテストファイルを取得して変換しました"
    ),
    e!(
        "{problem}. The Document Server must be able to reach Confluo at {address}",
        "{problem}. Der Document Server muss Confluo unter {address} erreichen können",
        "{problem}. El Document Server debe poder llegar a Confluo en {address}",
        "{problem}. Le Document Server doit pouvoir joindre Confluo à l'adresse {address}",
        "{problem}. Il Document Server deve poter raggiungere Confluo all'indirizzo {address}",
        "{problem}. Document Server должен иметь доступ к Confluo по адресу {address}",
        "{problem}。Document Server 必须能够访问 {address} 上的 Confluo",
        "{problem}。Document Server は {address} の Confluo にアクセスできる必要があります"
    ),
    e!(
        "the test conversion did not finish within 15 seconds",
        "die Testkonvertierung wurde nicht innerhalb von 15 Sekunden fertig",
        "la conversión de prueba no terminó en 15 segundos",
        "la conversion de test ne s'est pas terminée en 15 secondes",
        "la conversione di prova non è terminata entro 15 secondi",
        "тестовое преобразование не завершилось за 15 секунд",
        "测试转换未在 15 秒内完成",
        "テスト変換が 15 秒以内に終わりませんでした"
    ),
    // What the Document Server answered, in words an administrator can act on.
    e!(
        "the Document Server at {address} cannot be reached",
        "der Document Server unter {address} ist nicht erreichbar",
        "no se puede acceder al Document Server en {address}",
        "le Document Server à l'adresse {address} est injoignable",
        "il Document Server all'indirizzo {address} non è raggiungibile",
        "Document Server по адресу {address} недоступен",
        "无法访问 {address} 上的 Document Server",
        "{address} の Document Server に接続できません"
    ),
    e!(
        "the Document Server at {address} presented a certificate that is not trusted (self-signed, expired or for another name); fix the certificate or, on your own network only, turn off certificate verification",
        "der Document Server unter {address} hat ein nicht vertrauenswürdiges Zertifikat vorgelegt (selbstsigniert, abgelaufen oder für einen anderen Namen); korrigieren Sie das Zertifikat oder schalten Sie, nur im eigenen Netz, die Zertifikatsprüfung aus",
        "el Document Server en {address} presentó un certificado que no es de confianza (autofirmado, caducado o de otro nombre); corrija el certificado o, solo en su propia red, desactive la verificación de certificados",
        "le Document Server à l'adresse {address} a présenté un certificat non approuvé (auto-signé, expiré ou pour un autre nom) ; corrigez le certificat ou, sur votre propre réseau uniquement, désactivez la vérification des certificats",
        "il Document Server all'indirizzo {address} ha presentato un certificato non attendibile (autofirmato, scaduto o per un altro nome); correggi il certificato oppure, solo nella tua rete, disattiva la verifica dei certificati",
        "Document Server по адресу {address} предъявил недоверенный сертификат (самоподписанный, просроченный или выданный на другое имя); исправьте сертификат или, только в собственной сети, отключите проверку сертификатов",
        "{address} 上的 Document Server 提供了不受信任的证书（自签名、已过期或属于其他名称）；请修复证书，或仅在您自己的网络中关闭证书验证",
        "{address} の Document Server が信頼されていない証明書（自己署名、期限切れ、または別の名前用）を提示しました。証明書を修正するか、自社ネットワーク内に限り証明書の検証を無効にしてください"
    ),
    e!(
        "the Document Server did not answer within {seconds} seconds",
        "der Document Server hat nicht innerhalb von {seconds} Sekunden geantwortet",
        "el Document Server no respondió en {seconds} segundos",
        "le Document Server n'a pas répondu en {seconds} secondes",
        "il Document Server non ha risposto entro {seconds} secondi",
        "Document Server не ответил за {seconds} с",
        "Document Server 未在 {seconds} 秒内响应",
        "Document Server が {seconds} 秒以内に応答しませんでした"
    ),
    e!(
        "the Document Server answered HTTP {status}",
        "der Document Server hat mit HTTP {status} geantwortet",
        "el Document Server respondió HTTP {status}",
        "le Document Server a répondu HTTP {status}",
        "il Document Server ha risposto HTTP {status}",
        "Document Server ответил HTTP {status}",
        "Document Server 返回 HTTP {status}",
        "Document Server が HTTP {status} を返しました"
    ),
    e!(
        "the Document Server reports it is not healthy (healthcheck answered “{answer}”)",
        "der Document Server meldet, dass er nicht funktionsfähig ist (die Zustandsprüfung antwortete „{answer}“)",
        "el Document Server informa de que no funciona correctamente (la comprobación de estado respondió «{answer}»)",
        "le Document Server signale qu'il n'est pas en bon état (le contrôle d'état a répondu « {answer} »)",
        "il Document Server segnala di non essere integro (il controllo di integrità ha risposto «{answer}»)",
        "Document Server сообщает, что работает с ошибками (проверка состояния ответила «{answer}»)",
        "Document Server 报告运行不正常（健康检查返回“{answer}”）",
        "Document Server が正常でないと報告しています（ヘルスチェックの応答:「{answer}」）"
    ),
    e!(
        "the Document Server's answer is not understood: {detail}",
        "die Antwort des Document Servers ist unverständlich: {detail}",
        "no se entiende la respuesta del Document Server: {detail}",
        "la réponse du Document Server est incompréhensible : {detail}",
        "la risposta del Document Server non è comprensibile: {detail}",
        "ответ Document Server не распознан: {detail}",
        "无法理解 Document Server 的响应：{detail}",
        "Document Server の応答を解釈できません: {detail}"
    ),
    e!(
        "the Document Server refused the command: error {code}: {meaning}",
        "der Document Server hat den Befehl abgelehnt: Fehler {code}: {meaning}",
        "el Document Server rechazó el comando: error {code}: {meaning}",
        "le Document Server a refusé la commande : erreur {code} : {meaning}",
        "il Document Server ha rifiutato il comando: errore {code}: {meaning}",
        "Document Server отклонил команду: ошибка {code}: {meaning}",
        "Document Server 拒绝了命令：错误 {code}：{meaning}",
        "Document Server がコマンドを拒否しました: エラー {code}: {meaning}"
    ),
    e!(
        "the conversion failed: {meaning} (error {code})",
        "die Konvertierung ist fehlgeschlagen: {meaning} (Fehler {code})",
        "la conversión falló: {meaning} (error {code})",
        "la conversion a échoué : {meaning} (erreur {code})",
        "la conversione non è riuscita: {meaning} (errore {code})",
        "преобразование не удалось: {meaning} (ошибка {code})",
        "转换失败：{meaning}（错误 {code}）",
        "変換に失敗しました: {meaning}（エラー {code}）"
    ),
    e!(
        "the file is larger than {mb} MB",
        "die Datei ist größer als {mb} MB",
        "el archivo ocupa más de {mb} MB",
        "le fichier dépasse {mb} Mo",
        "il file supera i {mb} MB",
        "файл больше {mb} МБ",
        "文件大于 {mb} MB",
        "ファイルが {mb} MB を超えています"
    ),
    e!(
        "the Document Server secret cannot be used: {detail}",
        "das Geheimnis des Document Servers kann nicht verwendet werden: {detail}",
        "no se puede usar el secreto del Document Server: {detail}",
        "le secret du Document Server est inutilisable : {detail}",
        "il segreto del Document Server non può essere usato: {detail}",
        "секрет Document Server нельзя использовать: {detail}",
        "无法使用 Document Server 密钥：{detail}",
        "Document Server のシークレットを使用できません: {detail}"
    ),
    e!(
        "the document key is missing or no document has it",
        "der Dokumentschlüssel fehlt oder kein Dokument hat ihn",
        "falta la clave del documento o ningún documento la tiene",
        "la clé du document manque ou aucun document ne l'a",
        "la chiave del documento manca o nessun documento la possiede",
        "ключ документа отсутствует или ни у одного документа его нет",
        "缺少文档密钥，或没有文档使用该密钥",
        "文書キーがないか、そのキーを持つ文書がありません"
    ),
    e!(
        "the callback address is wrong",
        "die Callback-Adresse ist falsch",
        "la dirección de devolución de llamada es incorrecta",
        "l'adresse de rappel est incorrecte",
        "l'indirizzo di callback è errato",
        "неверный адрес обратного вызова",
        "回调地址错误",
        "コールバックアドレスが正しくありません"
    ),
    e!(
        "internal error of the Document Server",
        "interner Fehler des Document Servers",
        "error interno del Document Server",
        "erreur interne du Document Server",
        "errore interno del Document Server",
        "внутренняя ошибка Document Server",
        "Document Server 内部错误",
        "Document Server の内部エラー"
    ),
    e!(
        "nothing changed since the last save",
        "seit dem letzten Speichern hat sich nichts geändert",
        "nada ha cambiado desde el último guardado",
        "rien n'a changé depuis le dernier enregistrement",
        "nulla è cambiato dall'ultimo salvataggio",
        "с последнего сохранения ничего не изменилось",
        "自上次保存以来没有更改",
        "前回の保存以降、変更はありません"
    ),
    e!(
        "unknown command",
        "unbekannter Befehl",
        "comando desconocido",
        "commande inconnue",
        "comando sconosciuto",
        "неизвестная команда",
        "未知命令",
        "不明なコマンド"
    ),
    e!(
        "invalid token: the secret does not match the Document Server's",
        "ungültiges Token: das Geheimnis stimmt nicht mit dem des Document Servers überein",
        "token no válido: el secreto no coincide con el del Document Server",
        "jeton non valide : le secret ne correspond pas à celui du Document Server",
        "token non valido: il segreto non corrisponde a quello del Document Server",
        "недействительный токен: секрет не совпадает с секретом Document Server",
        "令牌无效：密钥与 Document Server 的不一致",
        "無効なトークン: シークレットが Document Server のものと一致しません"
    ),
    e!(
        "the token has expired: check the clocks of both servers",
        "das Token ist abgelaufen: prüfen Sie die Uhren beider Server",
        "el token ha caducado: compruebe los relojes de ambos servidores",
        "le jeton a expiré : vérifiez les horloges des deux serveurs",
        "il token è scaduto: controlla gli orologi di entrambi i server",
        "срок действия токена истёк: проверьте часы обоих серверов",
        "令牌已过期：请检查两台服务器的时钟",
        "トークンの有効期限が切れています: 両方のサーバーの時計を確認してください"
    ),
    e!(
        "unknown error",
        "unbekannter Fehler",
        "error desconocido",
        "erreur inconnue",
        "errore sconosciuto",
        "неизвестная ошибка",
        "未知错误",
        "不明なエラー"
    ),
    e!(
        "the conversion timed out",
        "die Zeit für die Konvertierung ist abgelaufen",
        "se agotó el tiempo de la conversión",
        "la conversion a dépassé le délai",
        "la conversione è scaduta",
        "время преобразования истекло",
        "转换超时",
        "変換がタイムアウトしました"
    ),
    e!(
        "the file is damaged or its content cannot be converted",
        "die Datei ist beschädigt oder ihr Inhalt kann nicht konvertiert werden",
        "el archivo está dañado o su contenido no se puede convertir",
        "le fichier est endommagé ou son contenu ne peut pas être converti",
        "il file è danneggiato o il suo contenuto non può essere convertito",
        "файл повреждён или его содержимое нельзя преобразовать",
        "文件已损坏或其内容无法转换",
        "ファイルが破損しているか、内容を変換できません"
    ),
    e!(
        "the Document Server could not download the file from Confluo",
        "der Document Server konnte die Datei nicht von Confluo herunterladen",
        "el Document Server no pudo descargar el archivo de Confluo",
        "le Document Server n'a pas pu télécharger le fichier depuis Confluo",
        "il Document Server non è riuscito a scaricare il file da Confluo",
        "Document Server не смог скачать файл из Confluo",
        "Document Server 无法从 Confluo 下载文件",
        "Document Server が Confluo からファイルをダウンロードできませんでした"
    ),
    e!(
        "the file is password-protected",
        "die Datei ist kennwortgeschützt",
        "el archivo está protegido con contraseña",
        "le fichier est protégé par un mot de passe",
        "il file è protetto da password",
        "файл защищён паролем",
        "文件受密码保护",
        "ファイルはパスワードで保護されています"
    ),
    e!(
        "the Document Server's database failed",
        "die Datenbank des Document Servers ist ausgefallen",
        "falló la base de datos del Document Server",
        "la base de données du Document Server a échoué",
        "il database del Document Server non ha funzionato",
        "сбой базы данных Document Server",
        "Document Server 的数据库出错",
        "Document Server のデータベースでエラーが発生しました"
    ),
    e!(
        "the request was not accepted (bad parameters)",
        "die Anfrage wurde nicht angenommen (fehlerhafte Parameter)",
        "no se aceptó la solicitud (parámetros incorrectos)",
        "la requête n'a pas été acceptée (paramètres incorrects)",
        "la richiesta non è stata accettata (parametri errati)",
        "запрос не принят (неверные параметры)",
        "请求未被接受（参数错误）",
        "リクエストが受け付けられませんでした（パラメーターが不正です）"
    ),
    e!(
        "invalid or expired token: the secret does not match the Document Server's",
        "ungültiges oder abgelaufenes Token: das Geheimnis stimmt nicht mit dem des Document Servers überein",
        "token no válido o caducado: el secreto no coincide con el del Document Server",
        "jeton non valide ou expiré : le secret ne correspond pas à celui du Document Server",
        "token non valido o scaduto: il segreto non corrisponde a quello del Document Server",
        "недействительный или просроченный токен: секрет не совпадает с секретом Document Server",
        "令牌无效或已过期：密钥与 Document Server 的不一致",
        "トークンが無効か期限切れです: シークレットが Document Server のものと一致しません"
    ),
    e!(
        "the output format could not be determined",
        "das Zielformat konnte nicht bestimmt werden",
        "no se pudo determinar el formato de salida",
        "le format de sortie n'a pas pu être déterminé",
        "non è stato possibile determinare il formato di output",
        "не удалось определить формат результата",
        "无法确定输出格式",
        "出力形式を判別できませんでした"
    ),
    e!(
        "the file is too large for the Document Server",
        "die Datei ist zu groß für den Document Server",
        "el archivo es demasiado grande para el Document Server",
        "le fichier est trop volumineux pour le Document Server",
        "il file è troppo grande per il Document Server",
        "файл слишком велик для Document Server",
        "文件对 Document Server 来说过大",
        "ファイルが Document Server にとって大きすぎます"
    ),
    e!(
        "unknown conversion error",
        "unbekannter Konvertierungsfehler",
        "error de conversión desconocido",
        "erreur de conversion inconnue",
        "errore di conversione sconosciuto",
        "неизвестная ошибка преобразования",
        "未知的转换错误",
        "不明な変換エラー"
    ),
    // Refusals of the editor's requests.
    e!(
        "The link to a place in the document is too long.",
        "Der Link zu einer Stelle im Dokument ist zu lang.",
        "El enlace a un lugar del documento es demasiado largo.",
        "Le lien vers un endroit du document est trop long.",
        "Il link a un punto del documento è troppo lungo.",
        "Ссылка на место в документе слишком длинная.",
        "指向文档中某处的链接过长。",
        "文書内の場所へのリンクが長すぎます。"
    ),
    e!(
        "The link to a place in the document is damaged; open the document without it.",
        "Der Link zu einer Stelle im Dokument ist beschädigt; öffnen Sie das Dokument ohne ihn.",
        "El enlace a un lugar del documento está dañado; abra el documento sin él.",
        "Le lien vers un endroit du document est endommagé ; ouvrez le document sans lui.",
        "Il link a un punto del documento è danneggiato; apri il documento senza di esso.",
        "Ссылка на место в документе повреждена; откройте документ без неё.",
        "指向文档中某处的链接已损坏，请直接打开文档。",
        "文書内の場所へのリンクが壊れています。リンクを使わずに文書を開いてください。"
    ),
    e!(
        "“{purpose}” is not something the editor asks for.",
        "„{purpose}“ ist nichts, wonach der Editor fragt.",
        "«{purpose}» no es algo que pida el editor.",
        "« {purpose} » n'est pas une demande de l'éditeur.",
        "«{purpose}» non è qualcosa che l'editor richiede.",
        "«{purpose}» — не то, что запрашивает редактор.",
        "“{purpose}”不是编辑器会请求的内容。",
        "「{purpose}」はエディターが要求するものではありません。"
    ),
    e!(
        "{name} is not a picture.",
        "{name} ist kein Bild.",
        "{name} no es una imagen.",
        "{name} n'est pas une image.",
        "{name} non è un'immagine.",
        "{name} — не изображение.",
        "{name} 不是图片。",
        "{name} は画像ではありません。"
    ),
    e!(
        "{name} is not a text document.",
        "{name} ist kein Textdokument.",
        "{name} no es un documento de texto.",
        "{name} n'est pas un document texte.",
        "{name} non è un documento di testo.",
        "{name} — не текстовый документ.",
        "{name} 不是文本文档。",
        "{name} はテキスト文書ではありません。"
    ),
    e!(
        "{name} is not a spreadsheet.",
        "{name} ist keine Tabelle.",
        "{name} no es una hoja de cálculo.",
        "{name} n'est pas une feuille de calcul.",
        "{name} non è un foglio di calcolo.",
        "{name} — не электронная таблица.",
        "{name} 不是电子表格。",
        "{name} はスプレッドシートではありません。"
    ),
    e!(
        "The linked file is on another Confluence site.",
        "Die verknüpfte Datei liegt auf einer anderen Confluence-Website.",
        "El archivo vinculado está en otro sitio de Confluence.",
        "Le fichier lié se trouve sur un autre site Confluence.",
        "Il file collegato si trova su un altro sito Confluence.",
        "Связанный файл находится на другом сайте Confluence.",
        "链接的文件位于另一个 Confluence 站点上。",
        "リンクされたファイルは別の Confluence サイトにあります。"
    ),
    e!(
        "The link to the file is damaged.",
        "Der Link zur Datei ist beschädigt.",
        "El enlace al archivo está dañado.",
        "Le lien vers le fichier est endommagé.",
        "Il link al file è danneggiato.",
        "Ссылка на файл повреждена.",
        "指向该文件的链接已损坏。",
        "ファイルへのリンクが壊れています。"
    ),
    e!(
        "The linked file",
        "Die verknüpfte Datei",
        "El archivo vinculado",
        "Le fichier lié",
        "Il file collegato",
        "Связанный файл",
        "链接的文件",
        "リンクされたファイル"
    ),
    e!(
        "The linked file's page",
        "Die Seite der verknüpften Datei",
        "La página del archivo vinculado",
        "La page du fichier lié",
        "La pagina del file collegato",
        "Страница связанного файла",
        "链接文件所在的页面",
        "リンクされたファイルのページ"
    ),
    e!(
        "The editor did not say which file the data comes from.",
        "Der Editor hat nicht angegeben, aus welcher Datei die Daten stammen.",
        "El editor no indicó de qué archivo proceden los datos.",
        "L'éditeur n'a pas indiqué de quel fichier proviennent les données.",
        "L'editor non ha indicato da quale file provengono i dati.",
        "Редактор не указал, из какого файла взяты данные.",
        "编辑器未说明数据来自哪个文件。",
        "データの取得元ファイルがエディターから示されませんでした。"
    ),
    e!(
        "{name} has no version {version}.",
        "{name} hat keine Version {version}.",
        "{name} no tiene la versión {version}.",
        "{name} n'a pas de version {version}.",
        "{name} non ha una versione {version}.",
        "У {name} нет версии {version}.",
        "{name} 没有版本 {version}。",
        "{name} にはバージョン {version} がありません。"
    ),
    e!(
        "Version {version} of {name} cannot be restored: it is not an earlier version.",
        "Version {version} von {name} kann nicht wiederhergestellt werden: Sie ist keine frühere Version.",
        "La versión {version} de {name} no se puede restaurar: no es una versión anterior.",
        "La version {version} de {name} ne peut pas être restaurée : ce n'est pas une version antérieure.",
        "La versione {version} di {name} non può essere ripristinata: non è una versione precedente.",
        "Версию {version} файла {name} нельзя восстановить: это не более ранняя версия.",
        "无法恢复 {name} 的版本 {version}：它不是较早的版本。",
        "{name} のバージョン {version} は以前のバージョンではないため、復元できません。"
    ),
    // The document page's note on an edit kept beside an upload.
    e!(
        "{name}'s edit was saved as version {version}. Version {current} had been uploaded in Confluence during the editing session, so compare the two.",
        "Die Bearbeitung von {name} wurde als Version {version} gespeichert. Während der Bearbeitung wurde in Confluence Version {current} hochgeladen; vergleichen Sie die beiden.",
        "La edición de {name} se guardó como versión {version}. Durante la sesión de edición se subió la versión {current} en Confluence, así que compare las dos.",
        "La modification de {name} a été enregistrée comme version {version}. La version {current} avait été chargée dans Confluence pendant la session d'édition : comparez les deux.",
        "La modifica di {name} è stata salvata come versione {version}. Durante la sessione di modifica è stata caricata in Confluence la versione {current}: confronta le due.",
        "Правка {name} сохранена как версия {version}. Во время редактирования в Confluence была загружена версия {current}, поэтому сравните их.",
        "{name} 的编辑已保存为版本 {version}。编辑期间有人在 Confluence 中上传了版本 {current}，请比较这两个版本。",
        "{name} さんの編集内容はバージョン {version} として保存されました。編集中に Confluence でバージョン {current} がアップロードされたため、両者を比較してください。"
    ),
    // The egress policy's refusals, on the configure page and in Test connection.
    e!(
        "{address} is on a private network; the operator has not allowed Confluo to connect there",
        "{address} liegt in einem privaten Netz; der Betreiber hat Confluo nicht erlaubt, dorthin zu verbinden",
        "{address} está en una red privada; el operador no ha permitido que Confluo se conecte allí",
        "{address} se trouve sur un réseau privé ; l'opérateur n'a pas autorisé Confluo à s'y connecter",
        "{address} si trova in una rete privata; l'operatore non ha consentito a Confluo di connettersi lì",
        "{address} находится в частной сети; оператор не разрешил Confluo подключаться туда",
        "{address} 位于专用网络中；运营方未允许 Confluo 连接到那里",
        "{address} はプライベートネットワーク上にあり、運用者は Confluo の接続を許可していません"
    ),
    e!(
        "the Document Server redirected to {address}, which is not the Document Server; not followed",
        "der Document Server hat auf {address} umgeleitet, das nicht der Document Server ist; nicht gefolgt",
        "el Document Server redirigió a {address}, que no es el Document Server; no se siguió",
        "le Document Server a redirigé vers {address}, qui n'est pas le Document Server ; redirection non suivie",
        "il Document Server ha reindirizzato a {address}, che non è il Document Server; non seguito",
        "Document Server перенаправил на {address}, который не является Document Server; переход не выполнен",
        "Document Server 重定向到了 {address}，它不是 Document Server；未跟随",
        "Document Server が Document Server ではない {address} へリダイレクトしたため、従いませんでした"
    ),
    e!(
        "This address is on a private network; the operator has not allowed it.",
        "Diese Adresse liegt in einem privaten Netz; der Betreiber hat sie nicht erlaubt.",
        "Esta dirección está en una red privada; el operador no la ha permitido.",
        "Cette adresse se trouve sur un réseau privé ; l'opérateur ne l'a pas autorisée.",
        "Questo indirizzo si trova in una rete privata; l'operatore non lo ha consentito.",
        "Этот адрес находится в частной сети; оператор его не разрешил.",
        "此地址位于专用网络中；运营方未允许使用它。",
        "このアドレスはプライベートネットワーク上にあり、運用者が許可していません。"
    ),
    e!(
        "Set the Document Server's JWT secret: without it anyone who reaches the Document Server could use it and sign saves.",
        "Legen Sie das JWT-Geheimnis des Document Servers fest: Ohne es könnte jeder, der den Document Server erreicht, ihn nutzen und Speicherungen signieren.",
        "Establezca el secreto JWT del Document Server: sin él, cualquiera que llegue al Document Server podría usarlo y firmar guardados.",
        "Définissez le secret JWT du Document Server : sans lui, quiconque atteint le Document Server pourrait l'utiliser et signer des enregistrements.",
        "Imposta il segreto JWT del Document Server: senza di esso chiunque raggiunga il Document Server potrebbe usarlo e firmare salvataggi.",
        "Задайте JWT-секрет Document Server: без него любой, кто доберётся до Document Server, сможет пользоваться им и подписывать сохранения.",
        "请设置 Document Server 的 JWT 密钥：没有它，任何能访问 Document Server 的人都可以使用它并签署保存。",
        "Document Server の JWT シークレットを設定してください。設定しないと、Document Server に到達できる誰もがそれを使い、保存に署名できてしまいます。"
    ),
    e!(
        "This server opens files up to {max} MB; enter that or less.",
        "Dieser Server öffnet Dateien bis {max} MB; geben Sie diesen Wert oder weniger ein.",
        "Este servidor abre archivos de hasta {max} MB; introduzca ese valor o menos.",
        "Ce serveur ouvre des fichiers jusqu'à {max} Mo ; saisissez cette valeur ou moins.",
        "Questo server apre file fino a {max} MB; inserisci questo valore o meno.",
        "Этот сервер открывает файлы размером до {max} МБ; введите это значение или меньше.",
        "此服务器可打开最大 {max} MB 的文件；请输入该值或更小的值。",
        "このサーバーが開けるファイルは {max} MB までです。その値以下を入力してください。"
    ),
];
