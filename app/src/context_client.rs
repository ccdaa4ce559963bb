//! The server-function client for iframe pages: every call carries the context token from
//! `AP.context.getToken()` as `Authorization: JWT …`, so the server knows the site and user.
//! Server functions that use it verify the token through [`crate::tenant_scope`].

use leptos::server_fn::{
    client::{Client, browser::BrowserClient},
    error::FromServerFnError,
    request::browser::BrowserRequest,
    response::browser::BrowserResponse,
};

/// Use as `#[server(client = ContextClient)]`.
pub struct ContextClient;

impl<E, IS, OS> Client<E, IS, OS> for ContextClient
where
    E: FromServerFnError,
    IS: FromServerFnError,
    OS: FromServerFnError,
{
    type Request = BrowserRequest;
    type Response = BrowserResponse;

    fn send(req: Self::Request) -> impl Future<Output = Result<Self::Response, E>> + Send {
        #[cfg(target_arch = "wasm32")]
        {
            send_wrapper::SendWrapper::new(async move {
                use leptos::server_fn::error::ServerFnErrorErr;
                let token = connect::bridge::context::token().await.map_err(|err| {
                    E::from_server_fn_error(ServerFnErrorErr::Request(err.to_string()))
                })?;
                req.headers().set("Authorization", &format!("JWT {token}"));
                // The server answers in the page's language (the person's profile's, which
                // the browser's own header may not be).
                if let Some(lang) = leptos::prelude::document()
                    .document_element()
                    .and_then(|root| root.get_attribute("lang"))
                {
                    req.headers().set("Accept-Language", &lang);
                }
                <BrowserClient as Client<E, IS, OS>>::send(req).await
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Server-side renders call server functions directly, never through a client.
            <BrowserClient as Client<E, IS, OS>>::send(req)
        }
    }

    fn open_websocket(
        path: &str,
    ) -> impl Future<
        Output = Result<
            (
                impl futures::Stream<Item = Result<bytes::Bytes, bytes::Bytes>> + Send + 'static,
                impl futures::Sink<bytes::Bytes> + Send + 'static,
            ),
            E,
        >,
    > + Send {
        <BrowserClient as Client<E, IS, OS>>::open_websocket(path)
    }

    fn spawn(future: impl Future<Output = ()> + Send + 'static) {
        <BrowserClient as Client<E, IS, OS>>::spawn(future)
    }
}
