//! The `?page=` parameter of paged lists.

use crate::error::AppError;

/// `?page=N`: a missing page is the first; zero or anything not a number is not found.
pub fn requested_page(page: Option<String>) -> Result<u32, AppError> {
    match page {
        None => Ok(1),
        Some(page) => page
            .parse::<u32>()
            .ok()
            .filter(|page| *page >= 1)
            .ok_or(AppError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_parameter_defaults_to_one_and_rejects_nonsense() {
        assert_eq!(requested_page(None), Ok(1));
        assert_eq!(requested_page(Some("3".into())), Ok(3));
        assert_eq!(requested_page(Some("0".into())), Err(AppError::NotFound));
        assert_eq!(requested_page(Some("x".into())), Err(AppError::NotFound));
    }
}
