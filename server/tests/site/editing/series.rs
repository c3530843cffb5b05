//! A repeating event's form keeps to its series: the rule itself is not one of its fields.

use app::editing::{
    event_fields::{EditableEvent, EventFields, EventSave},
    GetEditableEvent, SaveEvent,
};

use crate::racing::{ask, newsroom, refused};

/// The demo's working group, monthly on the second Wednesday until the end of 2019.
const WORKING_GROUP: &str = "starpinstituciju-darba-grupas-sede";

#[tokio::test(flavor = "multi_thread")]
async fn a_series_cannot_start_after_it_ends() {
    let (site, [anna, _]) = newsroom().await;
    let slug = WORKING_GROUP.to_string();
    let before: EditableEvent = ask(&site, &GetEditableEvent { slug }, &anna).await;
    let save = |start_date: &str| EventSave {
        id: before.id,
        base_version: before.version,
        draft_version: 0,
        fields: EventFields {
            start_date: start_date.to_string(),
            end_date: start_date.to_string(),
            ..before.current.clone()
        },
        writer: crate::saves::next_save_of(&before.writer),
    };
    let late = SaveEvent {
        save: save("2020-01-08"),
    };
    refused(&site, &late, &anna, "invalid-event-start-after-series").await;
    let page = site.get(&format!("/events/{WORKING_GROUP}")).await.1;
    assert!(
        !page.contains("2020. gada 8. janvāris"),
        "readers see it as it was"
    );
    // Within the series, the start moves.
    let earlier = SaveEvent {
        save: save("2019-02-13"),
    };
    ask(&site, &earlier, &anna).await;
}
