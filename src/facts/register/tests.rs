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

/// Reading `text` gives an error that says `expected`.
fn assert_error(text: &str, expected: &str) {
    let e = errors(text).join("\n");
    assert!(e.contains(expected), "{e}");
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
    let r = register(text);
    assert!(r.entry("nrcac").is_some_and(|p| p.role == Role::NationalRoot));
    let ops = r.entry("nrcac-operating-cas").unwrap();
    assert_eq!(ops.certificates.len(), 37);
    assert!(r.providers.iter().all(|p| r.sources.iter().any(|s| s.id == p.source)));
    assert_eq!(Register::builtin().providers.len(), r.providers.len());
}

#[test]
fn a_licence_with_dates_decides_yes_and_no() {
    let r = register(MINIMAL);
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
    let r = register(&text);
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
    let r = register(MINIMAL);
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
    assert_error(
        &MINIMAL.replace("    basis: the source says so\n", ""),
        "entry `p1` has no `basis`",
    );
    let twice = format!(
        "{MINIMAL}  - id: p2\n    name: {{en: Other}}\n    role: provider\n    established: mainland\n    source: s1\n    basis: b\n    certificates:\n      - sha256: 00000000000000000000000000000000000000000000000000000000000000aa\n"
    );
    let e = errors(&twice).join("\n");
    assert!(e.contains("is in both `p1`") && e.contains("and `p2`"), "{e}");
}

#[test]
fn an_entry_the_built_in_register_has_cannot_be_added_again() {
    let mut r = (*Register::builtin()).clone();
    let again = register(&MINIMAL.replace("id: p1", "id: nrcac"));
    assert!(r.extend(again).is_err());
}

const NRCAC_ROOT: &str = "9c28d3847414bfff1a5749e7e2381146f82842083e8c592e16a612d04a5ba8cd";
const HUAWEI: &str = "fa33ce330be045239dd55e696928263aeaa90510bd759456527be20d8eeda363";

/// A register file that must read without errors.
fn register(text: &str) -> Register {
    read(&file(text), &crate::limits::Limits::default()).unwrap()
}

fn minimal() -> Register {
    register(MINIMAL)
}

/// Another entry, to append to the minimal file.
fn second_entry(id: &str, role: &str) -> String {
    format!(
        "  - id: {id}\n    name: {{en: Root}}\n    role: {role}\n    established: mainland\n    source: s1\n    basis: b\n    certificates:\n      - sha256: 00000000000000000000000000000000000000000000000000000000000000bb\n"
    )
}

/// The minimal entry with more lines after its `basis`.
fn minimal_with(lines: &str) -> String {
    MINIMAL.replace(
        "    basis: the source says so\n",
        &format!("    basis: the source says so\n{lines}"),
    )
}

fn link(sha256: &str, not_before: i64) -> Link<'_> {
    Link { sha256, not_before }
}

#[test]
fn each_role_has_its_word() {
    let words: Vec<&str> = [Role::Provider, Role::NationalRoot, Role::OperatingCas]
        .into_iter()
        .map(Role::word)
        .collect();
    assert_eq!(words, Role::WORDS);
}

#[test]
fn how_a_certificate_is_identified() {
    let r = minimal();
    let root = "00000000000000000000000000000000000000000000000000000000000000AA";
    // Its own certificate, in either case of hexadecimal.
    let found = r.identify(&[link(root, 0)]).unwrap();
    assert_eq!(found.how, How::Own);
    assert_eq!(
        found.certificate.map(|c| c.sha256.as_str()),
        Some(&root.to_lowercase()[..])
    );
    // Below a provider's own root: that provider's, as its own (not as if a
    // national root had issued it).
    let sub = "00000000000000000000000000000000000000000000000000000000000000bb";
    let found = r.identify(&[link(sub, 5), link(root, 0)]).unwrap();
    assert_eq!(found.how, How::Own);
    // A listed operating CA, and one the list does not name.
    let b = Register::builtin();
    let found = b.identify(&[link(HUAWEI, 7), link(NRCAC_ROOT, 0)]).unwrap();
    assert_eq!(found.how, How::Listed { since: 7 });
    let other = "1111111111111111111111111111111111111111111111111111111111111111";
    let found = b.identify(&[link(other, 9), link(NRCAC_ROOT, 0)]).unwrap();
    assert_eq!(found.how, How::IssuedByRoot { on: 9 });
    assert!(found.certificate.is_none());
}

#[test]
fn an_operating_ca_is_named_by_its_subject_within_its_entry() {
    let b = Register::builtin();
    let found = b.identify(&[link(HUAWEI, 0), link(NRCAC_ROOT, 0)]).unwrap();
    let name = found.name(Lang::En);
    assert!(name.starts_with("CN=HUAWEI SM2 CA S245,"), "{name}");
    assert!(
        name.ends_with("(Operating CAs of the national SM2 hierarchy)"),
        "{name}"
    );
    // A provider's own certificate: the entry's name.
    let r = minimal();
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    assert_eq!(r.identify(&[link(sha, 0)]).unwrap().name(Lang::En), "Example CA");
    // A provider's certificate with a subject is still named by the entry.
    let with_subject = MINIMAL.replace(
        "000000000000000000000000000000aa\n",
        "000000000000000000000000000000aa\n        subject: CN=Example Root\n",
    );
    let r = register(&with_subject);
    assert_eq!(r.identify(&[link(sha, 0)]).unwrap().name(Lang::En), "Example CA");
}

#[test]
fn a_licence_is_held_from_its_first_day() {
    let r = minimal();
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    let found = r.identify(&[link(sha, 0)]).unwrap();
    assert_eq!(found.licensed_at(at(2020, 1, 1)), Licensed::Yes);
    assert_eq!(found.licensed_at(at(2030, 1, 1) - 1), Licensed::Yes);
}

#[test]
fn a_licence_seen_on_a_date_is_known_held_up_to_that_day() {
    let text = MINIMAL.replace("until: 2030-01-01", "seen: 2026-01-01");
    let r = register(&text);
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    let found = r.identify(&[link(sha, 0)]).unwrap();
    assert_eq!(found.licensed_at(at(2025, 6, 1)), Licensed::Yes);
    assert_eq!(found.licensed_at(at(2026, 1, 1) + 43_200), Licensed::Yes);
    assert!(matches!(found.licensed_at(at(2026, 1, 2)), Licensed::Unknown(_)));
    assert!(matches!(found.licensed_at(at(2019, 6, 1)), Licensed::No(_)));
}

#[test]
fn the_national_root_is_not_a_licensed_provider() {
    let b = Register::builtin();
    let found = b.identify(&[link(NRCAC_ROOT, 0)]).unwrap();
    let Licensed::Unknown(why) = found.licensed_at(at(2025, 9, 1)) else {
        panic!("a national root's licence is unknown");
    };
    assert!(why.get_or(Lang::En, "").contains("is a national root"), "{why:?}");
}

#[test]
fn extending_a_register_adds_its_entries_and_new_sources_once() {
    let mut r = (*Register::builtin()).clone();
    let sources = r.sources.len();
    let mut user = minimal();
    // A source the register already has is not added twice.
    let known = r.sources[0].clone();
    user.sources.push(known);
    assert!(r.extend(user).is_ok());
    assert_eq!(r.sources.len(), sources + 1);
    assert!(r.sources.iter().any(|s| s.id == "s1"));
    let sha = "00000000000000000000000000000000000000000000000000000000000000aa";
    assert_eq!(r.identify(&[link(sha, 0)]).unwrap().provider.id, "p1");
    // The built-in entries are still there.
    assert!(r.identify(&[link(HUAWEI, 0), link(NRCAC_ROOT, 0)]).is_some());
}

#[test]
fn the_active_register_holds_the_built_in_entries() {
    // Without `--register` it is the built-in one; with it, extended.
    let active = Register::active();
    assert!(active.entry("nrcac").is_some_and(|p| p.role == Role::NationalRoot));
    assert!(active.providers.len() >= Register::builtin().providers.len());
}

#[test]
fn a_required_fact_of_the_wrong_kind_is_one_error_not_two() {
    let e = errors(&MINIMAL.replace("basis: the source says so", "basis: [a, list]"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("`basis` of entry `p1` should be text, not a list"),
        "{e:?}"
    );
}

#[test]
fn the_names_a_provider_goes_by_are_read_and_each_must_be_text() {
    let named = minimal_with("    names: [\"Example CA\", \"示例认证\"]\n");
    let r = register(&named);
    assert_eq!(r.providers[0].names, ["Example CA", "示例认证"]);
    assert_error(
        &named.replace("\"示例认证\"", "{zh: 示例认证}"),
        "a name in `names` of entry `p1` should be text, not a mapping",
    );
}

#[test]
fn only_a_national_root_can_issue_an_entry() {
    let issued_by =
        |root: &str, role: &str| minimal_with(&format!("    issued_by: {root}\n")) + &second_entry("r1", role);
    assert_eq!(errors(&issued_by("r1", "national-root")), Vec::<String>::new());
    assert_error(
        &issued_by("r1", "provider"),
        "entry `p1` is issued by `r1`, which is not a national root",
    );
    assert_error(
        &issued_by("r2", "national-root"),
        "entry `p1` is issued by `r2`, which is not a national root",
    );
}

#[test]
fn a_users_register_is_installed_beside_the_built_in_one() {
    // The only test that installs: the process's register is then the
    // built-in one and this entry, whose certificate no other test uses.
    let again = register(&MINIMAL.replace("id: p1", "id: nrcac"));
    assert!(install(again).is_err(), "an entry the built-in register has");
    let user = MINIMAL.replace("id: p1", "id: installed-by-a-test");
    install(register(&user)).unwrap();
    let active = Register::active();
    assert!(active.entry("installed-by-a-test").is_some());
    assert!(active.entry("nrcac").is_some());
}

#[test]
fn each_role_states_what_it_needs() {
    let with = |lines: &str| minimal_with(lines) + &second_entry("r1", "national-root");
    let operating = |extra: &str| with(extra).replace("role: provider", "role: operating-cas");
    let needs = "entry `p1` lists operating CAs but not `issued_by` and `listed`";
    assert_eq!(
        errors(&operating("    issued_by: r1\n    listed: 2024-01-01\n")),
        Vec::<String>::new()
    );
    for half in ["    issued_by: r1\n", "    listed: 2024-01-01\n"] {
        let e = errors(&operating(half)).join("\n");
        assert!(e.contains(needs), "{half}: {e}");
    }
    // A provider names neither.
    assert_eq!(errors(&with("")), Vec::<String>::new());

    let abroad = |place: &str| {
        with(place).replace(
            "established: mainland\n    source: s1\n    basis: the",
            "established: outside-mainland\n    source: s1\n    basis: the",
        )
    };
    assert_eq!(errors(&abroad("    place: HK\n")), Vec::<String>::new());
    assert_error(
        &abroad(""),
        "entry `p1` is established outside the mainland but says not where",
    );
}

#[test]
fn a_blank_fact_is_an_error_not_a_value() {
    let e = errors(&MINIMAL.replace("basis: the source says so", "basis: \"  \""));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("`basis` of entry `p1` is blank"), "{e:?}");
}
