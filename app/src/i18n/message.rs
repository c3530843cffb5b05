//! A catalogue message named by id, with its arguments, that can cross the wire: the server
//! says *what* went wrong, and the browser says it in the reader's language.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{tr_with, Arg, Lang};

/// An argument of a [`Message`]. Numbers stay numbers so Fluent can choose plural forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MessageArg {
    Number(i64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, MessageArg)>,
}

impl Message {
    pub fn new(id: &str) -> Self {
        Message {
            id: id.to_string(),
            args: Vec::new(),
        }
    }

    /// The message with a number argument, e.g. a limit or a count.
    pub fn number(mut self, name: &str, value: i64) -> Self {
        self.args
            .push((name.to_string(), MessageArg::Number(value)));
        self
    }

    /// The message with a text argument.
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args
            .push((name.to_string(), MessageArg::Text(value.into())));
        self
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Number(number) => Arg::Number(*number),
                    MessageArg::Text(text) => Arg::Text(text),
                };
                (name.as_str(), value)
            })
            .collect();
        tr_with(lang, &self.id, &args)
    }
}

/// Latvian, the site's own language: what logs and plain `to_string` show.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::Lv))
    }
}
