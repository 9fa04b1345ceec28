use super::*;

fn file(text: &str) -> Arc<SourceFile> {
    SourceFile::new("test.yaml", text)
}

fn errors(text: &str) -> Vec<String> {
    match read(&file(text), &crate::limits::Limits::default()) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .iter()
            .map(|d| format!("{} | {}", d.render_plain(), d.location().unwrap_or_default()))
            .collect(),
    }
}

const MINIMAL: &str = "sources:
  s1:
    what: a source
    where: here
    date: 2026-01-01
providers:
  - id: p1
    name: {en: Example CA}
    role: provider
    established: mainland
    source: s1
    basis: the source says so
    licence: {number: ECP1, from: 2020-01-01, until: 2030-01-01}
    certificates:
      - sha256: 00000000000000000000000000000000000000000000000000000000000000aa
";

fn at(y: i32, m: u8, d: u8) -> i64 {
    let date = time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap();
    crate::dates::midnight(date)
}

#[test]
fn the_built_in_register_reads_without_errors() {
    let text = include_str!("../../../register/providers.yaml");
    let r = read(&file(text), &crate::limits::Limits::default()).unwrap();
    assert!(r.entry("nrcac").is_some_and(|p| p.role == Role::NationalRoot));
    let ops = r.entry("nrcac-operating-cas").unwrap();
    assert_eq!(ops.certificates.len(), 37);
    assert!(r.providers.iter().all(|p| r.sources.iter().any(|s| s.id == p.source)));
    assert_eq!(Register::builtin().providers.len(), r.providers.len());
}

#[test]
fn a_licence_with_dates_decides_yes_and_no() {
    let r = read(&file(MINIMAL), &crate::limits::Limits::default()).unwrap();
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    let found = r
        .identify(&[Link {
            sha256: sha,
            not_before: 0,
        }])
        .unwrap();
    assert_eq!(found.provider.id, "p1");
    assert_eq!(found.licensed_at(at(2025, 6, 1)), Licensed::Yes);
    assert!(matches!(found.licensed_at(at(2019, 12, 31)), Licensed::No(_)));
    assert!(matches!(found.licensed_at(at(2030, 1, 1)), Licensed::No(_)));
}

#[test]
fn a_licence_without_dates_is_unknown() {
    let text = MINIMAL.replace(
        "licence: {number: ECP1, from: 2020-01-01, until: 2030-01-01}",
        "licence: {number: ECP1}",
    );
    let r = read(&file(&text), &crate::limits::Limits::default()).unwrap();
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    let found = r
        .identify(&[Link {
            sha256: sha,
            not_before: 0,
        }])
        .unwrap();
    assert!(matches!(found.licensed_at(at(2025, 6, 1)), Licensed::Unknown(_)));
}

#[test]
fn a_certificate_below_a_providers_root_belongs_to_that_provider() {
    let r = read(&file(MINIMAL), &crate::limits::Limits::default()).unwrap();
    let root = "00000000000000000000000000000000000000000000000000000000000000aa";
    let sub = "00000000000000000000000000000000000000000000000000000000000000bb";
    let chain = [
        Link {
            sha256: sub,
            not_before: 0,
        },
        Link {
            sha256: root,
            not_before: 0,
        },
    ];
    assert_eq!(r.identify(&chain).unwrap().provider.id, "p1");
    assert!(r.identify(&chain[..1]).is_none());
}

#[test]
fn an_operating_ca_of_the_national_root_is_known_from_its_issue_to_the_list() {
    let r = Register::builtin();
    let root = "9c28d3847414bfff1a5749e7e2381146f82842083e8c592e16a612d04a5ba8cd";
    // HUAWEI SM2 CA S245, listed on 2026-02-15, notBefore 2025-05-30.
    let huawei = "fa33ce330be045239dd55e696928263aeaa90510bd759456527be20d8eeda363";
    let issued = at(2025, 5, 30);
    let chain = [
        Link {
            sha256: huawei,
            not_before: issued,
        },
        Link {
            sha256: root,
            not_before: 0,
        },
    ];
    let found = r.identify(&chain).unwrap();
    assert_eq!(found.provider.id, "nrcac-operating-cas");
    assert_eq!(found.licensed_at(at(2025, 9, 1)), Licensed::Yes);
    assert_eq!(found.licensed_at(at(2026, 2, 15)), Licensed::Yes);
    assert!(matches!(found.licensed_at(at(2026, 2, 16)), Licensed::Unknown(_)));
    assert!(matches!(found.licensed_at(at(2025, 5, 1)), Licensed::Unknown(_)));
    // An operating CA the list does not name: known on its day of issue.
    let other = "1111111111111111111111111111111111111111111111111111111111111111";
    let chain = [
        Link {
            sha256: other,
            not_before: issued,
        },
        Link {
            sha256: root,
            not_before: 0,
        },
    ];
    let found = r.identify(&chain).unwrap();
    assert_eq!(found.provider.id, "nrcac");
    assert_eq!(found.licensed_at(issued + 3600), Licensed::Yes);
    assert!(matches!(found.licensed_at(at(2025, 9, 1)), Licensed::Unknown(_)));
    // The national root itself is not a licensed provider.
    let found = r.identify(&chain[1..]).unwrap();
    assert!(matches!(found.licensed_at(at(2025, 9, 1)), Licensed::Unknown(_)));
}

#[test]
fn an_unknown_key_is_located_with_a_suggestion() {
    let e = errors(&MINIMAL.replace("    basis:", "    basic: x\n    basis:"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("unknown key `basic`") && e[0].contains("basis"), "{e:?}");
    assert!(e[0].contains("test.yaml:12:5"), "{e:?}");
}

#[test]
fn a_bad_fingerprint_a_bad_date_and_an_unknown_source_are_errors() {
    let text = MINIMAL
        .replace(
            "00000000000000000000000000000000000000000000000000000000000000aa",
            "abc",
        )
        .replace("from: 2020-01-01", "from: 2020/01/01")
        .replace("source: s1", "source: s2");
    let e = errors(&text).join("\n");
    assert!(e.contains("`abc` is not a SHA-256 fingerprint"), "{e}");
    assert!(
        e.contains("`2020/01/01` is not a date") && e.contains("2020-01-01"),
        "{e}"
    );
    assert!(e.contains("no source is called `s2`"), "{e}");
}

#[test]
fn a_missing_fact_and_a_repeated_certificate_are_errors() {
    let e = errors(&MINIMAL.replace("    basis: the source says so\n", "")).join("\n");
    assert!(e.contains("entry `p1` has no `basis`"), "{e}");
    let twice = format!(
        "{MINIMAL}  - id: p2\n    name: {{en: Other}}\n    role: provider\n    established: mainland\n    source: s1\n    basis: b\n    certificates:\n      - sha256: 00000000000000000000000000000000000000000000000000000000000000aa\n"
    );
    let e = errors(&twice).join("\n");
    assert!(e.contains("is in both `p1`") && e.contains("and `p2`"), "{e}");
}

#[test]
fn an_entry_the_built_in_register_has_cannot_be_added_again() {
    let mut r = (*Register::builtin()).clone();
    let again = read(
        &file(&MINIMAL.replace("id: p1", "id: nrcac")),
        &crate::limits::Limits::default(),
    )
    .unwrap();
    assert!(r.extend(again).is_err());
}
