//! `POST /api/media`: an editor's image, checked by its content (not its name) to be JPEG,
//! PNG, WebP or GIF, limited in size, stored under its content hash and resized to a few
//! widths for `srcset`. The files are served from `/media/`. A refusal answers
//! `{"error": <message>}`, a catalogue message the editor's browser words in the page's
//! language.

use std::{fmt, io::Cursor, path::Path};

use axum::{
    body::Bytes,
    extract::rejection::BytesRejection,
    extract::State,
    http::{request::Parts, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use chrono::Utc;
use image::{imageops::FilterType, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};

use super::StoredImage;
use crate::{auth::session, i18n::Message, state::AppState};

/// Largest upload accepted.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Widths made for `srcset` (those narrower than the original).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Largest picture accepted, per side (decoding larger ones could exhaust memory).
const MAX_SIDE: u32 = 10_000;

#[derive(Debug, PartialEq, Eq)]
pub enum UploadError {
    NotAnImage,
    TooLarge,
    Unreadable(String),
    Storage,
}

impl UploadError {
    /// What the editor is told, in the page's language once the browser words it.
    pub fn message(&self) -> Message {
        match self {
            UploadError::NotAnImage => Message::new("upload-not-an-image"),
            UploadError::TooLarge => Message::new("upload-too-large")
                .number("max", (MAX_UPLOAD_BYTES / 1_000_000) as i64),
            UploadError::Unreadable(reason) => {
                Message::new("upload-unreadable").text("reason", reason.clone())
            }
            UploadError::Storage => Message::new("upload-not-stored"),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            UploadError::NotAnImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UploadError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            UploadError::Unreadable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            UploadError::Storage => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// In Latvian, for logs.
impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for UploadError {}

fn extension(format: ImageFormat) -> Option<&'static str> {
    match format {
        ImageFormat::Jpeg => Some("jpg"),
        ImageFormat::Png => Some("png"),
        ImageFormat::WebP => Some("webp"),
        ImageFormat::Gif => Some("gif"),
        _ => None,
    }
}

fn write_once(path: &Path, bytes: &[u8]) -> Result<(), UploadError> {
    if path.exists() {
        return Ok(());
    }
    std::fs::write(path, bytes).map_err(|error| {
        tracing::error!(%error, path = %path.display(), "cannot store an image");
        UploadError::Storage
    })
}

/// Checks, stores and resizes an image; the same picture uploaded twice is stored once.
pub fn store_image(bytes: &[u8], media_dir: &Path) -> Result<StoredImage, UploadError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| UploadError::NotAnImage)?;
    let ext = extension(format).ok_or(UploadError::NotAnImage)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    reader.limits(limits);
    let picture = reader
        .decode()
        .map_err(|error| UploadError::Unreadable(error.to_string()))?;
    let hash: String = Sha256::digest(bytes)
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    std::fs::create_dir_all(media_dir).map_err(|error| {
        tracing::error!(%error, "cannot create the media folder");
        UploadError::Storage
    })?;
    let original = format!("{hash}.{ext}");
    write_once(&media_dir.join(&original), bytes)?;
    let (width, height) = (picture.width(), picture.height());
    let mut sources = Vec::new();
    // GIFs may move; resizing would keep only their first frame.
    if format != ImageFormat::Gif {
        for target in WIDTHS.into_iter().filter(|target| *target < width) {
            let name = format!("{hash}-{target}.{ext}");
            let path = media_dir.join(&name);
            if !path.exists() {
                let scaled_height =
                    (u64::from(height) * u64::from(target) / u64::from(width)).max(1);
                let resized = picture.resize_exact(
                    target,
                    u32::try_from(scaled_height).unwrap_or(1),
                    FilterType::Lanczos3,
                );
                let mut encoded = Cursor::new(Vec::new());
                resized
                    .write_to(&mut encoded, format)
                    .map_err(|error| UploadError::Unreadable(error.to_string()))?;
                write_once(&path, encoded.get_ref())?;
            }
            sources.push((name, target));
        }
    }
    sources.push((original.clone(), width));
    let src = sources
        .iter()
        .find(|(_, w)| *w >= 960)
        .or(sources.last())
        .map(|(name, _)| format!("/media/{name}"))
        .unwrap_or_else(|| format!("/media/{original}"));
    Ok(StoredImage {
        src,
        srcset: sources
            .iter()
            .map(|(name, w)| format!("/media/{name} {w}w"))
            .collect::<Vec<_>>()
            .join(", "),
        width,
        height,
    })
}

fn refusal(status: StatusCode, message: Message) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// The upload endpoint: editors only; the body is the image itself.
pub async fn upload(
    State(state): State<AppState>,
    parts: Parts,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let signed_in = match session::request_token(&parts) {
        Some(token) => state
            .store
            .session_user(&session::token_hash(&token), Utc::now())
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let Some(editor) = signed_in else {
        return refusal(StatusCode::UNAUTHORIZED, Message::new("error-unauthorized"));
    };
    // The body limit stops larger uploads before they are read; say so in the editor's words.
    let Ok(body) = body else {
        return refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            UploadError::TooLarge.message(),
        );
    };
    let media_dir = state.media_dir.clone();
    // Decoding and resizing run in `cpu`, a bounded number at a time: a few huge images at
    // once cannot take every core or gigabytes together.
    let stored = crate::cpu::run(move || store_image(&body, &media_dir)).await;
    match stored {
        Ok(Ok(image)) => {
            tracing::info!(editor = %editor.email, src = %image.src, "image uploaded");
            Json(image).into_response()
        }
        Ok(Err(error)) => refusal(error.status(), error.message()),
        Err(error) => {
            tracing::error!(%error, "image processing failed");
            refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                Message::new("upload-not-processed"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut bytes = Cursor::new(Vec::new());
        picture
            .write_to(&mut bytes, ImageFormat::Png)
            .expect("encode");
        bytes.into_inner()
    }

    fn folder() -> std::path::PathBuf {
        std::env::temp_dir().join(format!("notikumi-upload-{}", uuid::Uuid::new_v4()))
    }

    #[test]
    fn images_are_stored_by_hash_with_smaller_widths() {
        let dir = folder();
        let stored = store_image(&png(1200, 600), &dir).expect("stored");
        assert_eq!((stored.width, stored.height), (1200, 600));
        assert!(stored.srcset.contains("-480.png 480w"));
        assert!(stored.srcset.contains("-960.png 960w"));
        assert!(stored.srcset.ends_with(".png 1200w"));
        assert!(stored.src.ends_with("-960.png"));
        let again = store_image(&png(1200, 600), &dir).expect("stored again");
        assert_eq!(again, stored, "the same picture is the same file");
        let files = std::fs::read_dir(&dir).expect("folder").count();
        assert_eq!(files, 3);
        let resized = image::open(dir.join(stored.src.trim_start_matches("/media/"))).expect("png");
        assert_eq!((resized.width(), resized.height()), (960, 480));
        std::fs::remove_dir_all(dir).expect("clean up");
    }

    #[test]
    fn the_content_decides_not_the_name() {
        let dir = folder();
        let pretend = b"<html><script>alert(1)</script></html>".to_vec();
        assert_eq!(store_image(&pretend, &dir), Err(UploadError::NotAnImage));
        let pdf = b"%PDF-1.4\n1 0 obj".to_vec();
        assert_eq!(store_image(&pdf, &dir), Err(UploadError::NotAnImage));
        let mut truncated = png(100, 100);
        truncated.truncate(60);
        assert!(matches!(
            store_image(&truncated, &dir),
            Err(UploadError::Unreadable(_))
        ));
        assert!(!dir.exists(), "nothing was written");
    }

    #[test]
    fn oversized_uploads_are_refused() {
        let mut big = png(10, 10);
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(store_image(&big, &folder()), Err(UploadError::TooLarge));
    }
}
