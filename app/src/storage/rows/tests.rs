//! How a category filter is bound.

use sqlx::{Postgres, QueryBuilder, Sqlite};

use super::{push_categories, push_category_slugs};

#[test]
fn category_lists_bind_every_slug_in_the_backends_own_placeholders() {
    let slugs = ["apmacibas".to_string(), "seminari".to_string()];
    let mut postgres = QueryBuilder::<Postgres>::new("SELECT 1 WHERE a.x = ");
    postgres.push_bind(7_i64);
    push_categories(&mut postgres, "a.category_id", &slugs);
    assert_eq!(
        postgres.sql(),
        "SELECT 1 WHERE a.x = $1 AND a.category_id IN \
         (SELECT id FROM categories WHERE slug IN ($2, $3))"
    );
    let mut sqlite = QueryBuilder::<Sqlite>::new("SELECT 1 WHERE 1 = 1");
    push_categories(&mut sqlite, "e.category_id", &slugs[..1]);
    assert_eq!(
        sqlite.sql(),
        "SELECT 1 WHERE 1 = 1 AND e.category_id IN (SELECT id FROM categories WHERE slug IN (?))"
    );
    let mut none = QueryBuilder::<Sqlite>::new("SELECT 1");
    push_categories(&mut none, "e.category_id", &[]);
    assert_eq!(none.sql(), "SELECT 1");
}

#[test]
fn a_news_list_narrowed_to_categories_reads_them_first() {
    let slugs = ["apmacibas".to_string(), "seminari".to_string()];
    let mut postgres = QueryBuilder::<Postgres>::new(format!(
        "SELECT a.id {} WHERE a.status = 'published'",
        super::articles_from(&slugs)
    ));
    push_category_slugs(&mut postgres, &slugs);
    assert_eq!(
        postgres.sql(),
        "SELECT a.id FROM categories c CROSS JOIN articles a WHERE a.status = 'published' \
         AND a.category_id = c.id AND c.slug IN ($1, $2)"
    );
    let mut all = QueryBuilder::<Sqlite>::new(format!("SELECT a.id {}", super::articles_from(&[])));
    push_category_slugs(&mut all, &[]);
    assert_eq!(all.sql(), "SELECT a.id FROM articles a");
}
