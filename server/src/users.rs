//! `notikumi user …`: accounts are managed from the command line of the same binary, against
//! the configured database. Passwords are read from the terminal (asked twice) or, when
//! standard input is not a terminal, from its first line; never from an argument.

use std::io::{self, BufRead, IsTerminal, Write};

use app::{
    auth::{password, throttle, Role},
    storage::{SharedStore, StoreError, User},
};
use clap::{Subcommand, ValueEnum};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account (the password is asked for).
    Add {
        email: String,
        #[arg(long, value_enum, default_value = "editor")]
        role: RoleArg,
    },
    /// Set a new password (asked for); the account's sessions end and its failed sign-ins are forgotten.
    Passwd { email: String },
    /// List the accounts.
    List,
    /// Remove an account; its sessions end.
    Remove { email: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Editor,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Editor => Role::Editor,
            RoleArg::Admin => Role::Admin,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error("{0:?} is not an e-mail address")]
    BadEmail(String),
    #[error("an account for {0} already exists")]
    Exists(String),
    #[error("there is no account for {0}")]
    Missing(String),
    #[error("the two passwords differ")]
    Mismatch,
    #[error("{0}")]
    Password(#[from] password::PasswordError),
    #[error("could not read the password: {0}")]
    Read(#[from] io::Error),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for UserError {
    fn from(error: StoreError) -> Self {
        UserError::Store(error)
    }
}

/// Lower-cased, trimmed, and shaped like an address.
fn normalise_email(email: &str) -> Result<String, UserError> {
    let email = email.trim().to_lowercase();
    let shaped = email
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.chars().any(char::is_whitespace);
    if shaped {
        Ok(email)
    } else {
        Err(UserError::BadEmail(email))
    }
}

/// Reads a new password: twice from a terminal, else the first line of standard input.
pub fn read_new_password() -> Result<String, UserError> {
    if io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Parole: ")?;
        let second = rpassword::prompt_password("Parole vēlreiz: ")?;
        if first != second {
            return Err(UserError::Mismatch);
        }
        Ok(first)
    } else {
        let mut line = String::new();
        io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

/// Runs one user command; `new_password` is asked only by the commands that need one.
pub async fn run(
    store: &SharedStore,
    command: UserCommand,
    new_password: impl FnOnce() -> Result<String, UserError>,
    out: &mut impl Write,
) -> Result<(), UserError> {
    match command {
        UserCommand::Add { email, role } => {
            let email = normalise_email(&email)?;
            let hash = password::hash_password(&new_password()?)?;
            match store.create_user(&email, &hash, role.into()).await {
                Ok(user) => writeln!(out, "added {} ({})", user.email, user.role.as_str())?,
                Err(StoreError::Taken(_)) => return Err(UserError::Exists(email)),
                Err(error) => return Err(error.into()),
            }
        }
        UserCommand::Passwd { email } => {
            let email = normalise_email(&email)?;
            if store.credentials(&email).await?.is_none() {
                return Err(UserError::Missing(email));
            }
            let hash = password::hash_password(&new_password()?)?;
            store.set_password(&email, &hash).await?;
            // A new password starts with a clean slate: earlier failed sign-ins no longer
            // slow the account down.
            store
                .clear_login_failures_under(&throttle::account_prefix(&email))
                .await?;
            writeln!(
                out,
                "password changed for {email}; its sessions have ended and its failed sign-ins are forgotten"
            )?;
        }
        UserCommand::List => {
            for user in store.users().await? {
                writeln!(out, "{}", listed(&user))?;
            }
        }
        UserCommand::Remove { email } => {
            let email = normalise_email(&email)?;
            match store.remove_user(&email).await {
                Ok(()) => writeln!(out, "removed {email}")?,
                Err(StoreError::NotFound) => return Err(UserError::Missing(email)),
                Err(error) => return Err(error.into()),
            }
        }
    }
    Ok(())
}

/// An account as `user list` prints it: address, role and the day it was added, in Riga.
fn listed(user: &User) -> String {
    let added = app::timezone::local(user.created_at).format("%Y-%m-%d");
    format!("{}\t{}\t{added}", user.email, user.role.as_str())
}

#[cfg(test)]
mod tests {
    use super::{listed, normalise_email};

    #[test]
    fn an_account_is_listed_with_the_day_it_was_added_in_riga() {
        use chrono::TimeZone;
        let user = super::User {
            id: 1,
            email: "anna@example.lv".to_string(),
            role: super::Role::Admin,
            // Half past midnight in Riga (summer time) is still the day before in UTC.
            created_at: chrono::Utc
                .with_ymd_and_hms(2026, 6, 30, 21, 30, 0)
                .single()
                .expect("a time"),
        };
        assert_eq!(listed(&user), "anna@example.lv\tadmin\t2026-07-01");
    }

    #[test]
    fn addresses_are_lower_cased_and_checked() {
        assert_eq!(
            normalise_email(" Anna@Example.LV ").expect("valid"),
            "anna@example.lv"
        );
        for bad in ["anna", "@example.lv", "anna@localhost", "an na@example.lv"] {
            assert!(normalise_email(bad).is_err(), "{bad}");
        }
    }
}
