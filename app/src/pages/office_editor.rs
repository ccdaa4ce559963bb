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

    /// What the page hears from the editor.
    pub struct Events {
        pub on_ready: Box<dyn Fn()>,
        pub on_error: Box<dyn Fn(String)>,
        pub on_request_edit_rights: Box<dyn Fn()>,
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
        } = events;
        // The editor lives as long as the page: its handlers are never released.
        let ready = Closure::<dyn Fn(JsValue)>::new(move |_| on_ready());
        let error = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or(JsValue::UNDEFINED);
            let text = Reflect::get(&data, &"errorDescription".into())
                .ok()
                .and_then(|d| d.as_string())
                .unwrap_or_else(|| "the editor reported an error".into());
            on_error(text);
        });
        let edit = Closure::<dyn Fn(JsValue)>::new(move |_| on_request_edit_rights());
        Reflect::set(&handlers, &"onDocumentReady".into(), ready.as_ref()).map_err(err)?;
        Reflect::set(&handlers, &"onError".into(), error.as_ref()).map_err(err)?;
        Reflect::set(&handlers, &"onRequestEditRights".into(), edit.as_ref()).map_err(err)?;
        ready.forget();
        error.forget();
        edit.forget();
        Reflect::set(&config, &"events".into(), &handlers).map_err(err)?;
        let args = js_sys::Array::of2(&element_id.into(), &config);
        Reflect::construct(&constructor, &args).map_err(err)?;
        Ok(())
    }
}

#[cfg(feature = "hydrate")]
pub use js::{Events, start};
