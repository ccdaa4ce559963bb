//! The Document Server's editor in the page: loads its `api.js` and creates
//! `DocsAPI.DocEditor` with the config the server built and signed.

#[cfg(feature = "hydrate")]
mod js {
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue, closure::Closure};
    use wasm_bindgen_futures::JsFuture;

    fn err(value: JsValue) -> String {
        value
            .as_string()
            .or_else(|| {
                Reflect::get(&value, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
            })
            .unwrap_or_else(|| "unknown error".into())
    }

    /// Adds `<script src>` to the page once and waits until it has run.
    async fn load_script(src: &str) -> Result<(), String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let script: web_sys::HtmlScriptElement = document
            .create_element("script")
            .map_err(err)?
            .unchecked_into();
        script.set_src(src);
        let loaded = Promise::new(&mut |resolve, reject| {
            script.set_onload(Some(&resolve));
            script.set_onerror(Some(&reject));
        });
        document
            .head()
            .ok_or("no head")?
            .append_child(&script)
            .map_err(err)?;
        JsFuture::from(loaded)
            .await
            .map(|_| ())
            .map_err(|_| "the script did not load".to_owned())
    }

    /// What the page hears from the editor. The editor offers a feature only when its handler
    /// is there (its version history, restoring a version).
    pub struct Events {
        pub on_ready: Box<dyn Fn()>,
        pub on_error: Box<dyn Fn(String)>,
        pub on_request_edit_rights: Box<dyn Fn()>,
        pub on_request_history: Option<Box<dyn Fn()>>,
        pub on_request_history_data: Option<Box<dyn Fn(i32)>>,
        pub on_request_history_close: Option<Box<dyn Fn()>>,
        pub on_request_restore: Option<Box<dyn Fn(i32)>>,
        /// `onRequestUsers`: `c` (`mention`, `info` …), a search text, account ids.
        pub on_request_users: Option<Box<dyn Fn(UsersRequest)>>,
        /// `onRequestSaveAs`: title, file type and the Document Server's URL of the copy.
        pub on_request_save_as: Option<Box<dyn Fn(SaveAs)>>,
        /// Other requests, by event name, with their `event.data` as JSON.
        pub on_data: Vec<(&'static str, DataHandler)>,
    }

    /// A handler of an editor event, given the event's data as JSON.
    pub type DataHandler = Box<dyn Fn(serde_json::Value)>;

    #[derive(Debug, Default, serde::Deserialize)]
    pub struct UsersRequest {
        #[serde(default)]
        pub c: String,
        #[serde(default)]
        pub search: String,
        #[serde(default)]
        pub id: Vec<String>,
    }

    #[derive(Debug, Default, serde::Deserialize)]
    pub struct SaveAs {
        #[serde(default)]
        pub title: String,
        #[serde(rename = "fileType", default)]
        pub file_type: String,
        #[serde(default)]
        pub url: String,
    }

    /// `event.data` read as `T` (through JSON, so a missing or odd field cannot panic).
    fn data_of<T: serde::de::DeserializeOwned + Default>(event: &JsValue) -> T {
        Reflect::get(event, &"data".into())
            .ok()
            .and_then(|d| js_sys::JSON::stringify(&d).ok())
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    thread_local! {
        static EDITOR: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
    }

    /// Calls `editor.<method>(arg)` on the running editor, `arg` given as JSON.
    pub fn call(method: &str, arg_json: &str) -> Result<(), String> {
        let editor = EDITOR
            .with(|e| e.borrow().clone())
            .ok_or("the editor is not running")?;
        let function: Function = Reflect::get(&editor, &method.into())
            .map_err(err)?
            .dyn_into()
            .map_err(|_| format!("the editor has no {method}"))?;
        let arg = js_sys::JSON::parse(arg_json).map_err(err)?;
        function.call1(&editor, &arg).map(drop).map_err(err)
    }

    /// `event.data` as a version number (`onRequestHistoryData` sends the number,
    /// `onRequestRestore` an object with `version`).
    fn version_of(event: &JsValue) -> Option<i32> {
        let data = Reflect::get(event, &"data".into()).ok()?;
        let value = data
            .as_f64()
            .or_else(|| Reflect::get(&data, &"version".into()).ok()?.as_f64())?;
        Some(value as i32)
    }

    fn bind(
        handlers: &Object,
        name: &str,
        handler: impl Fn(JsValue) + 'static,
    ) -> Result<(), String> {
        let closure = Closure::<dyn Fn(JsValue)>::new(handler);
        Reflect::set(handlers, &name.into(), closure.as_ref()).map_err(err)?;
        // The editor lives as long as the page: its handlers are never released.
        closure.forget();
        Ok(())
    }

    /// Loads `api_js`, then `new DocsAPI.DocEditor(element_id, config)` with `events` bound.
    pub async fn start(
        api_js: &str,
        element_id: &str,
        config_json: &str,
        events: Events,
    ) -> Result<(), String> {
        load_script(api_js).await.map_err(|_| {
            "ONLYOFFICE cannot be reached: its editor script did not load.".to_owned()
        })?;
        let window: JsValue = web_sys::window().ok_or("no window")?.into();
        let docs_api = Reflect::get(&window, &"DocsAPI".into()).map_err(err)?;
        if docs_api.is_undefined() {
            return Err("ONLYOFFICE cannot be reached: DocsAPI is missing.".into());
        }
        let constructor: Function = Reflect::get(&docs_api, &"DocEditor".into())
            .map_err(err)?
            .dyn_into()
            .map_err(|_| "DocsAPI.DocEditor is not a constructor")?;
        let config = js_sys::JSON::parse(config_json).map_err(err)?;
        let handlers = Object::new();
        let Events {
            on_ready,
            on_error,
            on_request_edit_rights,
            on_request_history,
            on_request_history_data,
            on_request_history_close,
            on_request_restore,
            on_request_users,
            on_request_save_as,
            on_data,
        } = events;
        bind(&handlers, "onDocumentReady", move |_| on_ready())?;
        bind(&handlers, "onError", move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            let text = Reflect::get(&data, &"errorDescription".into())
                .ok()
                .and_then(|d| d.as_string())
                .unwrap_or_else(|| "the editor reported an error".into());
            on_error(text);
        })?;
        bind(&handlers, "onRequestEditRights", move |_| {
            on_request_edit_rights()
        })?;
        for (name, handler) in [
            ("onRequestHistory", on_request_history),
            ("onRequestHistoryClose", on_request_history_close),
        ] {
            if let Some(handler) = handler {
                bind(&handlers, name, move |_| handler())?;
            }
        }
        for (name, handler) in [
            ("onRequestHistoryData", on_request_history_data),
            ("onRequestRestore", on_request_restore),
        ] {
            if let Some(handler) = handler {
                bind(&handlers, name, move |event: JsValue| {
                    if let Some(version) = version_of(&event) {
                        handler(version);
                    }
                })?;
            }
        }
        if let Some(handler) = on_request_users {
            bind(&handlers, "onRequestUsers", move |event: JsValue| {
                handler(data_of(&event))
            })?;
        }
        if let Some(handler) = on_request_save_as {
            bind(&handlers, "onRequestSaveAs", move |event: JsValue| {
                handler(data_of(&event))
            })?;
        }
        for (name, handler) in on_data {
            bind(&handlers, name, move |event: JsValue| {
                handler(data_of(&event))
            })?;
        }
        Reflect::set(&config, &"events".into(), &handlers).map_err(err)?;
        let args = js_sys::Array::of2(&element_id.into(), &config);
        let editor = Reflect::construct(&constructor, &args).map_err(err)?;
        EDITOR.with(|e| *e.borrow_mut() = Some(editor));
        Ok(())
    }
}

#[cfg(feature = "hydrate")]
pub use js::{Events, SaveAs, UsersRequest, call, start};
