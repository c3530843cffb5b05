//! Sending an image from the body editor to `/api/media` with gloo-net, and the figure that
//! goes into the body once it is stored. Fetch reports no upload progress, so the editor shows
//! an indeterminate progress bar with the file's name and size until the server answers.

use super::StoredImage;
use crate::i18n::Message;

/// What the body gets for a stored image: a figure with a responsive, lazily loaded picture
/// whose size is known before it loads (so nothing shifts).
pub fn figure_html(image: &StoredImage, alt: &str) -> String {
    let escape = |value: &str| {
        value
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<figure><img src=\"{}\" srcset=\"{}\" sizes=\"(min-width: 48rem) 45rem, 100vw\" \
         width=\"{}\" height=\"{}\" loading=\"lazy\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
        escape(&image.src),
        escape(&image.srcset),
        image.width,
        image.height,
        escape(alt),
        escape(alt)
    )
}

/// Uploads `file`; the error is the server's message for the editor, to be worded in the
/// page's language.
#[cfg(feature = "hydrate")]
pub async fn upload(file: web_sys::File) -> Result<StoredImage, Message> {
    use gloo_net::http::Request;

    let transport =
        |error: gloo_net::Error| Message::new("error-transport").text("reason", error.to_string());
    let request = Request::post(crate::paths::MEDIA_UPLOAD)
        .header("Content-Type", &file.type_())
        .body(file)
        .map_err(transport)?;
    let response = request.send().await.map_err(transport)?;
    if response.ok() {
        response.json::<StoredImage>().await.map_err(transport)
    } else {
        // Refusals come in the site's one error shape.
        Err(response
            .json::<crate::error::AppError>()
            .await
            .map(|refusal| refusal.message())
            .unwrap_or_else(|_| {
                Message::new("upload-failed-status").number("status", i64::from(response.status()))
            }))
    }
}

/// Uploads happen in the browser only; the server never renders a running upload.
#[cfg(not(feature = "hydrate"))]
pub async fn upload(_file: web_sys::File) -> Result<StoredImage, Message> {
    Err(Message::new("upload-in-browser-only"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_have_sizes_alt_text_and_escaped_values() {
        let html = figure_html(
            &StoredImage {
                src: "/media/a-960.jpg".into(),
                srcset: "/media/a-480.jpg 480w, /media/a-960.jpg 960w".into(),
                width: 1200,
                height: 800,
            },
            "Dalībnieki \"Rīgā\"",
        );
        assert!(html.contains("width=\"1200\" height=\"800\" loading=\"lazy\""));
        assert!(html.contains("alt=\"Dalībnieki &quot;Rīgā&quot;\""));
    }
}
