//! `POST /api/media`: an editor's image, checked by its content (not its name) to be JPEG,
//! PNG, WebP or GIF, limited in size, stored under its content hash and resized to a few
//! widths for `srcset`. The files are served from `/media/`. A refusal answers
//! `{"error": <message>}`, a catalogue message the editor's browser words in the page's
//! language.
//!
//! What is published is never the uploaded file itself (GIFs aside, which may move): the
//! picture is turned the way its EXIF orientation says and encoded again, so no metadata (the
//! camera, the GPS position where a photo was taken) reaches readers. Photos become JPEG at
//! quality 85, pictures with transparency and PNGs stay lossless PNG. Every file is written
//! to a temporary name and renamed, so a crash never leaves a half-written file that would
//! then be served as immutable for a year.

use std::{fmt, io::Cursor, path::Path};

use axum::{
    body::Body,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use image::{
    codecs::jpeg::JpegEncoder, imageops::FilterType, DynamicImage, ImageDecoder, ImageFormat,
    ImageReader, Limits,
};
use sha2::{Digest, Sha256};

use super::StoredImage;
use crate::{auth::session::Editor, error::AppError, i18n::Message, state::AppState};

/// Largest upload accepted.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Widths made for `srcset` (those narrower than the original).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Largest picture accepted, per side (decoding larger ones could exhaust memory).
const MAX_SIDE: u32 = 10_000;
/// Most pixels a picture may have (50 megapixels, more than phone cameras save by default):
/// a few kilobytes of PNG or GIF can claim 10,000 × 10,000 pixels, and decoding and resizing
/// that takes about a gigabyte.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Most memory one decoding may take.
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
/// JPEG quality of published photos.
const JPEG_QUALITY: u8 = 85;

#[derive(Debug, PartialEq, Eq)]
pub enum UploadError {
    NotAnImage,
    TooLarge,
    /// More than [`MAX_PIXELS`], found from the header before anything is decoded.
    TooManyPixels,
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
            UploadError::TooManyPixels => Message::new("upload-too-many-pixels")
                .number("max", (MAX_PIXELS / 1_000_000) as i64),
            // The decoder's own words are English and technical: they go to the log only.
            UploadError::Unreadable(_) => Message::new("upload-unreadable"),
            UploadError::Storage => Message::new("upload-not-stored"),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            UploadError::NotAnImage => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UploadError::TooLarge | UploadError::TooManyPixels => StatusCode::PAYLOAD_TOO_LARGE,
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

/// How a picture uploaded as `format` is published.
fn published_format(format: ImageFormat, picture: &DynamicImage) -> ImageFormat {
    match format {
        ImageFormat::Gif => ImageFormat::Gif,
        ImageFormat::Png => ImageFormat::Png,
        _ if picture.color().has_alpha() => ImageFormat::Png,
        _ => ImageFormat::Jpeg,
    }
}

fn extension(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Gif => "gif",
        _ => "png",
    }
}

fn storage_failed(error: impl fmt::Display) -> UploadError {
    tracing::error!(%error, "cannot store an image");
    UploadError::Storage
}

/// Writes `bytes` to `path` unless it is there already: first under a temporary name in the
/// same folder, then renamed, so the file is either whole or absent.
fn write_once(path: &Path, bytes: &[u8]) -> Result<(), UploadError> {
    if path.exists() {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut part = tempfile::NamedTempFile::new_in(folder).map_err(storage_failed)?;
    std::io::Write::write_all(&mut part, bytes).map_err(storage_failed)?;
    part.as_file().sync_all().map_err(storage_failed)?;
    part.persist(path).map_err(storage_failed)?;
    Ok(())
}

/// An image the decoder or encoder refused; its words (English, technical) go to the log.
fn unreadable(error: image::ImageError) -> UploadError {
    tracing::info!(%error, "an uploaded image cannot be read");
    UploadError::Unreadable(error.to_string())
}

/// `picture` encoded as `format` (without any metadata).
fn encoded(picture: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, UploadError> {
    let mut bytes = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => picture
            .to_rgb8()
            .write_with_encoder(JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY))
            .map_err(unreadable)?,
        other => picture.write_to(&mut bytes, other).map_err(unreadable)?,
    }
    Ok(bytes.into_inner())
}

/// The picture in `bytes`, decoded within the limits and turned upright.
fn decoded(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, UploadError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(UploadError::TooManyPixels);
    }
    let orientation = decoder.orientation().map_err(unreadable)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// Checks, stores and resizes an image; the same picture uploaded twice is stored once.
pub fn store_image(bytes: &[u8], media_dir: &Path) -> Result<StoredImage, UploadError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(UploadError::TooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| UploadError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(UploadError::NotAnImage);
    }
    let picture = decoded(bytes, format)?;
    let published = published_format(format, &picture);
    let ext = extension(published);
    let hash: String = Sha256::digest(bytes)
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    std::fs::create_dir_all(media_dir).map_err(storage_failed)?;
    let original = format!("{hash}.{ext}");
    let original_path = media_dir.join(&original);
    if !original_path.exists() {
        // GIFs are kept as sent (they may move, and carry no EXIF); the rest is encoded again.
        let bytes = if published == ImageFormat::Gif {
            bytes.to_vec()
        } else {
            encoded(&picture, published)?
        };
        write_once(&original_path, &bytes)?;
    }
    let (width, height) = (picture.width(), picture.height());
    let mut sources = Vec::new();
    // GIFs may move; resizing would keep only their first frame.
    if published != ImageFormat::Gif {
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
                write_once(&path, &encoded(&resized, published)?)?;
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

/// An upload refused with `status`, in the one error shape (`AppError`), its reason on the
/// image.
fn refusal(status: StatusCode, message: Message) -> Response {
    (status, Json(AppError::invalid("image", message))).into_response()
}

/// The upload endpoint: editors only ([`Editor`] checks the session before the body is
/// read, so nobody else can make the server take in 10 MB); the body is the image itself.
pub async fn upload(Editor(editor): Editor, State(state): State<AppState>, body: Body) -> Response {
    // Larger uploads are cut off once the limit is passed; say so in the editor's words.
    let Ok(body) = axum::body::to_bytes(body, MAX_UPLOAD_BYTES).await else {
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

    /// EXIF as a phone writes it (little-endian TIFF): "turn 90° clockwise to view", and a
    /// GPS block saying where the photo was taken.
    fn phone_exif() -> Vec<u8> {
        let mut exif = b"II*\0".to_vec();
        exif.extend(8_u32.to_le_bytes());
        let entry = |exif: &mut Vec<u8>, tag: u16, kind: u16, value: [u8; 4]| {
            exif.extend(tag.to_le_bytes());
            exif.extend(kind.to_le_bytes());
            exif.extend(1_u32.to_le_bytes());
            exif.extend(value);
        };
        exif.extend(2_u16.to_le_bytes());
        entry(&mut exif, 0x0112, 3, [6, 0, 0, 0]); // Orientation: rotate 90° clockwise
        entry(&mut exif, 0x8825, 4, 38_u32.to_le_bytes()); // GPS IFD at offset 38
        exif.extend(0_u32.to_le_bytes());
        exif.extend(1_u16.to_le_bytes());
        entry(&mut exif, 0x0001, 2, *b"N\0\0\0"); // GPSLatitudeRef
        exif.extend(0_u32.to_le_bytes());
        exif
    }

    /// A photo as a phone stores it: `width` × `height` as the sensor saw it, with EXIF.
    fn phone_photo(width: u32, height: u32) -> Vec<u8> {
        use image::ImageEncoder;
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 60])
        });
        let mut bytes = Cursor::new(Vec::new());
        let mut encoder = JpegEncoder::new_with_quality(&mut bytes, 95);
        encoder.set_exif_metadata(phone_exif()).expect("exif");
        encoder
            .write_image(
                picture.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .expect("encode");
        bytes.into_inner()
    }

    #[test]
    fn photos_stand_upright_and_publish_no_metadata() {
        let dir = folder();
        let photo = phone_photo(1200, 800);
        assert!(
            photo.windows(4).any(|w| w == b"Exif"),
            "the upload has EXIF"
        );
        let stored = store_image(&photo, &dir).expect("stored");
        assert_eq!(
            (stored.width, stored.height),
            (800, 1200),
            "the portrait photo stands upright"
        );
        for file in std::fs::read_dir(&dir).expect("folder") {
            let path = file.expect("file").path();
            let bytes = std::fs::read(&path).expect("read");
            assert!(
                !bytes.windows(4).any(|w| w == b"Exif"),
                "{} carries no EXIF (no GPS position)",
                path.display()
            );
            assert_eq!(path.extension().and_then(|e| e.to_str()), Some("jpg"));
        }
        let original = stored
            .srcset
            .split(", ")
            .last()
            .and_then(|source| source.split(' ').next())
            .expect("the original is the last in srcset");
        let original =
            image::open(dir.join(original.trim_start_matches("/media/"))).expect("it opens");
        assert_eq!((original.width(), original.height()), (800, 1200));
        std::fs::remove_dir_all(dir).expect("clean up");
    }

    #[test]
    fn webp_photos_are_published_as_jpeg_smaller_than_lossless_copies() {
        let dir = folder();
        let picture = image::RgbImage::from_fn(1000, 700, |x, y| {
            image::Rgb([(x * y % 256) as u8, (x % 256) as u8, (y % 256) as u8])
        });
        let mut webp = Cursor::new(Vec::new());
        picture
            .write_to(&mut webp, ImageFormat::WebP)
            .expect("encode");
        let stored = store_image(webp.get_ref(), &dir).expect("stored");
        assert!(stored.src.ends_with(".jpg"), "{}", stored.src);
        let copy = std::fs::metadata(dir.join(stored.src.trim_start_matches("/media/")))
            .expect("the copy")
            .len();
        assert!(
            copy < webp.get_ref().len() as u64,
            "the 960 px copy ({copy} B) is smaller than the upload"
        );
        let leftovers = std::fs::read_dir(&dir)
            .expect("folder")
            .filter(|file| {
                let name = file.as_ref().expect("file").file_name();
                name.to_string_lossy().starts_with('.')
            })
            .count();
        assert_eq!(leftovers, 0, "no temporary files are left behind");
        std::fs::remove_dir_all(dir).expect("clean up");
    }

    #[test]
    fn a_small_file_claiming_too_many_pixels_is_refused_before_decoding() {
        // A GIF's header states its size (little-endian, bytes 6 to 9) with no checksum:
        // 8,000 × 8,000 is 64 megapixels, each side within MAX_SIDE.
        let mut gif = Cursor::new(Vec::new());
        image::RgbImage::new(1, 1)
            .write_to(&mut gif, ImageFormat::Gif)
            .expect("encode");
        let mut gif = gif.into_inner();
        gif[6..10].copy_from_slice(&[0x40, 0x1F, 0x40, 0x1F]);
        let dir = folder();
        assert_eq!(store_image(&gif, &dir), Err(UploadError::TooManyPixels));
        assert_eq!(std::fs::read_dir(&dir).map_or(0, |files| files.count()), 0);
        assert_eq!(
            UploadError::TooManyPixels.status(),
            StatusCode::PAYLOAD_TOO_LARGE
        );
    }

    #[test]
    fn oversized_uploads_are_refused() {
        let mut big = png(10, 10);
        big.resize(MAX_UPLOAD_BYTES + 1, 0);
        assert_eq!(store_image(&big, &folder()), Err(UploadError::TooLarge));
    }
}
