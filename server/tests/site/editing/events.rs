//! Editing events through the server functions: who may, dates, moves, drafts, conflicts
//! and history.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn event_editing_refuses_anonymous_requests_and_checks_dates() {
    let site = Site::with_demo_content().await;
    let calls = [
        ("get_editable_event", json!({ "slug": "x" })),
        (
            "save_event",
            event_save(&json!(1), &json!(1), 0, &event_fields()),
        ),
        (
            "save_event_draft",
            event_save(&json!(1), &json!(1), 0, &event_fields()),
        ),
        ("create_event", json!({ "day": "2020-08-04" })),
        ("move_event", json!({ "slug": "x", "day": "2020-08-05" })),
        (
            "delete_item",
            json!({ "item": { "kind": "Event", "id": 1 } }),
        ),
    ];
    site.refuses_without_signing_in(&calls).await;

    let cookie = site.signed_in("anna@example.lv", Role::Editor).await;
    let created = site
        .post_json(
            "/api/editing/create_event",
            &json!({ "day": "2020-08-04" }).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    let slug: String = serde_json::from_str(&created.body).expect("slug");
    assert_eq!(
        site.get(&format!("/events/{slug}")).await.0,
        StatusCode::NOT_FOUND,
        "a new event is a draft"
    );
    let event = parse(
        &site
            .post_json(
                "/api/editing/get_editable_event",
                &json!({ "slug": slug }).to_string(),
                Some(&cookie),
            )
            .await
            .body,
    );
    let mut fields = event["current"].clone();
    fields["title"] = json!("Seminārs Jelgavā");
    fields["end_time"] = json!("09:00");
    let backwards = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(backwards.status, StatusCode::UNPROCESSABLE_ENTITY);
    // On its own day, it is the end's time that is refused.
    assert!(
        backwards.body.contains("\"field\":\"end_time\""),
        "{}",
        backwards.body
    );

    fields["end_time"] = json!("12:00");
    fields["published"] = json!(true);
    let saved = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    // Published for the first time, it is at its title's address, which the save answers;
    // the address it was created at leads there.
    assert_eq!(parse(&saved.body)["slug"], "seminars-jelgava");
    assert_eq!(
        site.get(&format!("/events/{slug}")).await.0,
        StatusCode::PERMANENT_REDIRECT
    );
    let first_address = slug.clone();
    let slug = "seminars-jelgava";
    let august = Page::parse(&site.get("/calendar/2020/08").await.1);
    assert!(august.shows("Seminārs Jelgavā"));

    // A calendar shown before the publication moves it from the address it had then.
    let moved = site
        .post_json(
            "/api/editing/move_event",
            &json!({ "slug": first_address, "day": "2020-08-07" }).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let day = Page::parse(&site.get("/calendar/2020/08/07").await.1);
    assert!(day.shows("Seminārs Jelgavā"));
    assert!(day.shows("10:00–12:00"), "the time of day stays");
    let stale = site
        .post_json(
            "/api/editing/save_event",
            &event_save(&event["id"], &event["version"], 0, &fields).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        stale.status,
        StatusCode::CONFLICT,
        "the move made this form stale"
    );

    // Beyond the calendar's years there is no day to move to or make an event on: a message
    // that names the years it holds, not a crash.
    for day in ["+262142-12-31", "3000-01-01", "1899-12-31"] {
        for (path, request) in [
            ("move_event", json!({ "slug": slug, "day": day })),
            ("create_event", json!({ "day": day })),
        ] {
            let beyond = site
                .post_json(
                    &format!("/api/editing/{path}"),
                    &request.to_string(),
                    Some(&cookie),
                )
                .await;
            assert_eq!(
                beyond.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} {day}: {}",
                beyond.body
            );
            let years = "\"invalid-date-years\"";
            assert!(beyond.body.contains(years), "{path}: {}", beyond.body);
        }
    }
    assert_eq!(site.get("/healthz").await.0, StatusCode::OK);
    let day = Page::parse(&site.get("/calendar/2020/08/07").await.1);
    assert!(
        day.shows("Seminārs Jelgavā"),
        "the event stayed where it was"
    );

    // Another editor moves it to the trash: a move or a translation from a page shown before
    // says so, and writes nothing.
    let trashed = site
        .post_json(
            "/api/editing/delete_item",
            &json!({ "item": { "kind": "Event", "id": event["id"] } }).to_string(),
            Some(&cookie),
        )
        .await;
    assert_eq!(trashed.status, StatusCode::OK, "{}", trashed.body);
    let translated = json!({ "save": { "kind": "Event", "slug": slug, "lang": "En",
        "fields": { "title": "Seminar in Jelgava", "lead": "", "body_html": "<p>Text</p>",
            "extra": "", "version": 0 }, "writer": null } });
    let calls = vec![
        (
            "move_event",
            json!({ "slug": slug, "day": "2020-08-10" }).to_string(),
        ),
        ("save_translation", translated.to_string()),
        // From a calendar shown before it was published under its title.
        (
            "move_event",
            json!({ "slug": first_address, "day": "2020-08-10" }).to_string(),
        ),
    ];
    refused_as_in_trash(&site, calls, &cookie).await;
    restore_from_trash(&site, "Event", &event["id"], &cookie).await;
    let restored = site
        .post_json(
            "/api/editing/get_editable_event",
            &json!({ "slug": slug }).to_string(),
            Some(&cookie),
        )
        .await;
    let restored = parse(&restored.body);
    assert_eq!(
        restored["current"]["start_date"], "2020-08-07",
        "not moved while in the trash"
    );
}

fn event_fields() -> Value {
    json!({ "title": "X", "summary": "", "body_html": "", "location": "", "category": "",
        "all_day": false, "start_date": "2020-08-04", "start_time": "10:00",
        "end_date": "2020-08-04", "end_time": "12:00", "published": true })
}

/// The body of a `save_event` or `save_event_draft` call.
fn event_save(id: &Value, version: &Value, draft_version: i64, fields: &Value) -> Value {
    json!({ "save": { "id": id, "base_version": version, "draft_version": draft_version, "fields": fields } })
}

#[tokio::test(flavor = "multi_thread")]
async fn event_drafts_stay_hidden_conflict_and_leave_a_history() {
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let janis = site.signed_in("janis@example.lv", Role::Editor).await;
    let call = |name: &'static str, body: Value, cookie: &str| {
        let cookie = cookie.to_string();
        let site = &site;
        async move {
            site.post_json(
                &format!("/api/editing/{name}"),
                &body.to_string(),
                Some(&cookie),
            )
            .await
        }
    };
    let slug: String = serde_json::from_str(
        &call("create_event", json!({ "day": "2020-08-18" }), &anna)
            .await
            .body,
    )
    .expect("slug");
    let event = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    let mut fields = event["current"].clone();
    fields["title"] = json!("Konference Daugavpilī");
    fields["published"] = json!(true);
    let published = call(
        "save_event",
        event_save(&event["id"], &event["version"], 0, &fields),
        &anna,
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let version = parse(&published.body)["version"].clone();
    let slug = parse(&published.body)["slug"]
        .as_str()
        .expect("the address a write answers")
        .to_string();
    assert_eq!(
        slug, "konference-daugavpili",
        "the address follows the title"
    );

    fields["title"] = json!("Konference Daugavpilī un Rēzeknē");
    let draft = call(
        "save_event_draft",
        event_save(&event["id"], &version, 0, &fields),
        &anna,
    )
    .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    assert_eq!(parse(&draft.body)["draft_version"], 1);
    let page = Page::parse(&site.get(&format!("/events/{slug}")).await.1);
    assert!(
        page.shows("Konference Daugavpilī"),
        "readers see the saved event"
    );
    assert!(
        !page.says("un Rēzeknē") && !page.title().contains("un Rēzeknē"),
        "readers never see the draft"
    );
    let reopened = parse(
        &call("get_editable_event", json!({ "slug": slug }), &janis)
            .await
            .body,
    );
    assert_eq!(
        reopened["draft"]["fields"]["title"],
        "Konference Daugavpilī un Rēzeknē"
    );
    assert_eq!(reopened["draft"]["saved_by"], "anna@example.lv");

    // Jānis started before Anna's draft: his draft save and his save are both refused.
    let mut his = fields.clone();
    his["location"] = json!("Rēzekne");
    for name in ["save_event_draft", "save_event"] {
        let refused = call(name, event_save(&event["id"], &version, 0, &his), &janis).await;
        assert_eq!(
            refused.status,
            StatusCode::CONFLICT,
            "{name}: {}",
            refused.body
        );
    }
    let stored = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert_eq!(
        stored["draft"]["fields"]["location"], "",
        "nothing of his was written"
    );

    fields["category"] = json!("apmacibas");
    fields["body_html"] = json!("<p>Programma sekos.</p>");
    let saved = call(
        "save_event",
        event_save(&event["id"], &version, 1, &fields),
        &anna,
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let latest = parse(&saved.body)["version"].clone();
    let after = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert!(
        after["draft"].is_null(),
        "saving the event used up its draft"
    );

    let item = json!({ "kind": "Event", "id": event["id"] });
    let history = parse(
        &call("get_history", json!({ "item": item }), &janis)
            .await
            .body,
    );
    let titles: Vec<&str> = history
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|v| v["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Konference Daugavpilī un Rēzeknē",
            "Konference Daugavpilī",
            "Jauns notikums"
        ]
    );
    assert_eq!(history[1]["saved_by"], "anna@example.lv");
    assert_eq!(
        history[2]["saved_by"], "anna@example.lv",
        "the first version is hers, who created it"
    );
    let comparison = call(
        "compare_versions",
        json!({ "item": item, "older": version, "newer": latest, "lang": "En" }),
        &janis,
    )
    .await;
    assert!(
        comparison.body.contains("{\"Added\":\" un Rēzeknē\"}"),
        "{}",
        comparison.body
    );
    // The category by its name in the editor's language, not its address.
    assert!(
        comparison.body.contains("Training") && !comparison.body.contains("apmacibas"),
        "{}",
        comparison.body
    );
    // The parts the comparison lists, named and ordered as the event's editor names them.
    let labels: Vec<String> = parse(&comparison.body)["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|field| field[0].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        labels,
        [
            "editor-field-name",
            "editor-field-when",
            "editor-field-category",
            "editor-field-body",
            "editor-field-status"
        ]
    );
    let restored = call(
        "restore_version",
        json!({ "item": item, "version": version, "expected_version": latest }),
        &janis,
    )
    .await;
    assert_eq!(restored.status, StatusCode::OK, "{}", restored.body);
    let page = Page::parse(&site.get(&format!("/events/{slug}")).await.1);
    assert!(
        !page.says("un Rēzeknē") && !page.title().contains("un Rēzeknē"),
        "the earlier title is back"
    );

    // A draft written before the event was moved must not move it back when saved.
    let current = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    let base = current["version"].clone();
    let draft = call(
        "save_event_draft",
        event_save(&event["id"], &base, 0, &current["current"]),
        &anna,
    )
    .await;
    assert_eq!(draft.status, StatusCode::OK, "{}", draft.body);
    let moved = call(
        "move_event",
        json!({ "slug": slug, "day": "2020-08-19" }),
        &janis,
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    let reopened = parse(
        &call("get_editable_event", json!({ "slug": slug }), &anna)
            .await
            .body,
    );
    assert_eq!(
        reopened["draft"]["base_version"], base,
        "the draft names the version it was written on"
    );
    assert_ne!(reopened["version"], base);
    let stale = call(
        "save_event",
        event_save(
            &event["id"],
            &reopened["draft"]["base_version"],
            1,
            &reopened["draft"]["fields"],
        ),
        &anna,
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let day = Page::parse(&site.get("/calendar/2020/08/19").await.1);
    assert!(day.shows("Konference Daugavpilī"), "the move stands");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_events_page_and_calendar_file_lead_on_from_an_address_it_left() {
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let webinar = "vebinars-par-viltus-darba-piedavajumiem-socialajos-tiklos";
    let opened = site
        .post_json(
            "/api/editing/get_editable_event",
            &json!({ "slug": webinar }).to_string(),
            Some(&anna),
        )
        .await;
    let event = parse(&opened.body);
    let moved = site
        .post_json(
            "/api/editing/change_address",
            &json!({
                "item": { "kind": "Event", "id": event["id"] },
                "version": event["version"],
                "slug": "vebinars-par-viltus-darbu",
            })
            .to_string(),
            Some(&anna),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    for (old, new) in [
        (
            format!("/events/{webinar}"),
            "/events/vebinars-par-viltus-darbu",
        ),
        (
            format!("/ru/events/{webinar}.ics"),
            "/ru/events/vebinars-par-viltus-darbu.ics",
        ),
    ] {
        let request = Request::builder().uri(&old).body(Body::empty());
        let answer = site.send(request.expect("request")).await;
        assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT, "{old}");
        assert_eq!(answer.headers[header::LOCATION], new, "{old}");
    }
    let (status, _, calendar) = site
        .get_typed("/events/vebinars-par-viltus-darbu.ics")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(calendar.contains("BEGIN:VEVENT"), "{calendar}");
}

/// An article published while the event it reports on is hidden keeps the event: readers see
/// the link again once the event is published again (publishing used to drop it for good).
#[tokio::test(flavor = "multi_thread")]
async fn an_article_published_while_its_event_is_hidden_keeps_the_event() {
    use crate::racing::{article_save, ask, newsroom, open as open_article};
    use app::editing::{
        event_fields::{EditableEvent, EventFields, EventSave},
        GetEditableEvent, PublishArticle, SaveEvent,
    };

    const MEETING: &str = "starptautiska-projekta-uzsaksanas-sanaksme-kisineva";
    let (site, [anna, _]) = newsroom().await;
    let event_links = |html: &str| Page::parse(html).links_under("Notikums");
    let meeting = (
        "Starptautiskā projekta uzsākšanas sanāksme Kišiņevā".to_string(),
        format!("/events/{MEETING}"),
    );
    let article_page = format!("/news/{LAUNCH}");
    assert_eq!(
        event_links(&site.get(&article_page).await.1),
        std::slice::from_ref(&meeting),
        "the demo article shows its event"
    );

    let event: EditableEvent = ask(
        &site,
        &GetEditableEvent {
            slug: MEETING.into(),
        },
        &anna,
    )
    .await;
    let shown = |published: bool, base_version: i64| SaveEvent {
        save: EventSave {
            id: event.id,
            base_version,
            draft_version: 0,
            writer: crate::saves::next_save_of(&event.writer),
            fields: EventFields {
                published,
                ..event.current.clone()
            },
        },
    };
    let hidden = ask(&site, &shown(false, event.version), &anna).await;
    let article = open_article(&site, &anna).await;
    let save = article_save(&article, "Projekts ar Moldovu sākas", "Teksts");
    ask(&site, &PublishArticle { save }, &anna).await;
    assert!(
        event_links(&site.get(&article_page).await.1).is_empty(),
        "no link to a hidden event"
    );

    ask(&site, &shown(true, hidden.version), &anna).await;
    assert_eq!(
        event_links(&site.get(&article_page).await.1),
        [meeting],
        "the article still reports on its event"
    );
}

/// A series that skips a date, given a new time of day: the date stays skipped, for readers,
/// in the events API and in the calendar file (where its EXDATE takes the new time).
#[tokio::test(flavor = "multi_thread")]
async fn a_series_at_a_new_time_still_skips_the_dates_it_skipped() {
    const SERIES: &str = "atbalsta-grupas-tiksanas-cietusajiem-un-vinu-tuviniekiem";
    let site = Site::with_demo_content().await;
    let anna = site.signed_in("anna@example.lv", Role::Editor).await;
    let winter = "/api/events?start=2021-11-01&end=2022-01-31";
    let before = site.get(winter).await.1;
    assert!(before.contains("2021-11-25T17:00") && !before.contains("2021-12-30"));

    let event = site
        .post_json(
            "/api/editing/get_editable_event",
            &json!({ "slug": SERIES }).to_string(),
            Some(&anna),
        )
        .await;
    let event = parse(&event.body);
    let mut fields = event["current"].clone();
    fields["start_time"] = json!("18:00");
    fields["end_time"] = json!("19:30");
    let save = event_save(&event["id"], &event["version"], 0, &fields);
    let saved = site
        .post_json("/api/editing/save_event", &save.to_string(), Some(&anna))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

    let after = site.get(winter).await.1;
    assert!(after.contains("2021-11-25T18:00"), "{after}");
    assert!(
        !after.contains("2021-12-30"),
        "the skipped date came back: {after}"
    );
    let (_, day) = site.get("/calendar/2021/12/30").await;
    assert!(!Page::parse(&day).says("Atbalsta grupas tikšanās"));
    let (_, file) = site.get(&format!("/events/{SERIES}.ics")).await;
    assert!(
        file.contains("EXDATE;TZID=Europe/Riga:20211230T180000"),
        "{file}"
    );
}
