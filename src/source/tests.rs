//! Tests of reading articles from bytes: byte-order marks, UTF-16, binary
//! files, legacy code pages, and writing back only what decoded exactly
//! and did not change on disk.

use super::*;

fn load(bytes: &[u8]) -> SourceFile {
    match SourceFile::from_bytes("t.txt".into(), bytes).unwrap() {
        Loaded::Text(file) => file,
        Loaded::Binary => panic!("decoded as binary"),
    }
}

#[test]
fn strips_and_remembers_a_utf8_bom() {
    let file = load(b"\xEF\xBB\xBFHello");
    assert_eq!(file.text, "Hello");
    assert!(file.bom);
    assert_eq!(file.offset_base(), 3);
    assert_eq!(file.encode("Hi").unwrap(), b"\xEF\xBB\xBFHi");
}

#[test]
fn decodes_utf16_with_and_without_bom() {
    let le: Vec<u8> = "\u{FEFF}Київ"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = load(&le);
    assert_eq!(
        (file.text.as_str(), file.encoding),
        ("Київ", Encoding::Utf16Le)
    );
    assert_eq!(file.encode(&file.text).unwrap(), le);

    let be: Vec<u8> = "Hello, world"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let file = load(&be);
    assert_eq!(
        (file.text.as_str(), file.encoding),
        ("Hello, world", Encoding::Utf16Be)
    );
}

#[test]
fn skips_binary_files() {
    let bytes = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 0, 0, 7, 0, 9, 0];
    assert!(matches!(
        SourceFile::from_bytes("x.png".into(), &bytes).unwrap(),
        Loaded::Binary
    ));
}

#[test]
fn decodes_cp1251_through_detection() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251
        .encode("Министр иностранных дел России Сергей Лавров заявил журналистам");
    let file = load(&bytes);
    assert!(file.text.starts_with("Министр"), "{}", file.text);
    assert!(matches!(file.encoding, Encoding::Legacy(_)));
    assert_eq!(file.encode(&file.text).unwrap(), bytes.as_ref());
}

#[test]
fn keeps_utf8_with_one_bad_byte_as_utf8_but_refuses_to_write_it() {
    let file = load(
        "Київ \u{2014} Kyiv "
            .as_bytes()
            .iter()
            .copied()
            .chain([0xFF, b'!'])
            .collect::<Vec<_>>()
            .as_slice(),
    );
    assert_eq!(file.encoding, Encoding::Utf8Lossy);
    assert!(file.text.ends_with("\u{FFFD}!"));
    assert!(file.encode(&file.text).is_err());
}

#[test]
fn refuses_to_write_utf16_that_did_not_decode_exactly() {
    // A lone surrogate; an odd byte at the end.
    for utf16 in [
        &[0xFF, 0xFE, b'K', 0, 0x00, 0xD8, b'!', 0][..],
        &[0xFF, 0xFE, b'K', 0, b'!', 0, b'x'][..],
    ] {
        let file = load(utf16);
        assert_eq!(file.encoding, Encoding::Utf16Le);
        assert!(!file.lossless);
        let error = file.encode(&file.text).unwrap_err().to_string();
        assert!(error.contains("UTF-16LE"), "{error}");
    }
    assert!(load(&[0xFF, 0xFE, b'K', 0, b'!', 0]).lossless);
}

#[test]
fn write_atomic_refuses_a_file_that_changed_since_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "saved by an editor meanwhile").unwrap();
    let error = write_atomic(&path, b"fixed", b"as it was read").unwrap_err();
    assert!(matches!(error, WriteError::Changed), "{error}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "saved by an editor meanwhile"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "the temporary file is removed");

    write_atomic(&path, b"fixed", b"saved by an editor meanwhile").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "fixed");
}
