//! Hostile uploads: what is not an image, what claims to be larger than it is, pixel and
//! decompression bombs.

use super::*;

/// A picture of `width`×`height` pixels in `format`, as the image crate writes it.
pub(super) fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let picture =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut bytes, format).expect("encode");
    bytes.into_inner()
}

/// `bytes` with `new` written over them from `at` on.
fn patched(mut bytes: Vec<u8>, at: usize, new: &[u8]) -> Vec<u8> {
    bytes[at..at + new.len()].copy_from_slice(new);
    bytes
}

/// A one-pixel PNG that claims other dimensions: IHDR patched, its CRC made right again.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let png = patched(
        encoded(1, 1, ImageFormat::Png),
        16,
        &[width.to_be_bytes(), height.to_be_bytes()].concat(),
    );
    let crc = png[12..29].iter().fold(!0u32, |crc, &byte| {
        (0..8).fold(crc ^ u32::from(byte), |crc, _| {
            if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            }
        })
    });
    patched(png, 29, &(!crc).to_be_bytes())
}

/// Bytes that look random and are the same every run (xorshift).
fn noise(length: usize) -> Vec<u8> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state.to_le_bytes()[0]
    };
    (0..length).map(|_| next()).collect()
}

/// What an editor might upload: a good picture first, then everything that must be refused.
#[rustfmt::skip]
fn hostile_uploads() -> Vec<(&'static str, Vec<u8>)> {
    let limit = app::editing::upload::MAX_UPLOAD_BYTES;
    let over = |length: usize| [encoded(1, 1, ImageFormat::Png), vec![0; length]].concat()[..length].to_vec();
    let jpeg = encoded(8, 8, ImageFormat::Jpeg);
    let frame = jpeg.windows(2).position(|marker| marker == [0xFF, 0xC0]).expect("SOF0");
    vec![
        ("a small PNG", encoded(40, 30, ImageFormat::Png)),
        ("nothing", Vec::new()),
        ("random bytes", noise(64 << 10)),
        ("a PNG signature, then random bytes", [&encoded(1, 1, ImageFormat::Png)[..8], &noise(4096)].concat()),
        ("a truncated PNG", encoded(300, 200, ImageFormat::Png)[..100].to_vec()),
        ("HTML", b"<html><script>alert(1)</script>".to_vec()),
        ("a PNG claiming 100000x100000", png_claiming(100_000, 100_000)),
        ("a PNG claiming 10000x10000 with one pixel of data", png_claiming(10_000, 10_000)),
        ("a PNG claiming 4294967295x4294967295", png_claiming(u32::MAX, u32::MAX)),
        ("a PNG claiming 0x0", png_claiming(0, 0)),
        ("a JPEG claiming 65535x65535", patched(jpeg, frame + 5, &[0xFF; 4])),
        ("a GIF claiming 65535x65535", patched(encoded(8, 8, ImageFormat::Gif), 6, &[0xFF; 4])),
        ("a WebP claiming 16777216x16777216", [&b"RIFF"[..], &22u32.to_le_bytes(), b"WEBPVP8X", &10u32.to_le_bytes(), &[0; 4], &[0xFF; 6]].concat()),
        ("one byte over the limit", over(limit + 1)),
        ("two bytes over the limit", over(limit + 2)),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_refuse_what_is_not_a_sensible_image() {
    let site = Site::with_demo_content().await;
    let editor = site.signed_in(EDITOR, Role::Editor).await;
    let mut tally = Tally::default();
    for (index, (what, body)) in hostile_uploads().into_iter().enumerate() {
        for (who, cookie) in [("an editor", Some(editor.as_str())), ("a reader", None)] {
            let request = request(
                Method::POST,
                "/api/media",
                "image/png",
                cookie,
                body.clone(),
            );
            let answer = tally
                .send(&site, &format!("upload of {what} by {who}"), request)
                .await;
            let stored = index == 0 && cookie.is_some();
            assert_eq!(
                answer.status.is_success(),
                stored,
                "{what} by {who}: {} {}",
                answer.status,
                answer.body
            );
            if stored {
                let image: Value = serde_json::from_str(&answer.body).expect("stored image");
                let src = image["src"].as_str().expect("src");
                assert!(
                    tally.send(&site, src, get(src)).await.status.is_success(),
                    "{src}"
                );
            }
        }
    }
    tally.finish("uploads");
}
