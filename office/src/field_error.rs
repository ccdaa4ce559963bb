//! What is wrong with a field of a form, in words for the person who filled it in.

use serde::{Deserialize, Serialize};

/// A field and what is wrong with it, for the form to show next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A form's field errors, collected while checking it.
#[derive(Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn fail(&mut self, field: &str, message: String) {
        self.0.push(FieldError {
            field: field.into(),
            message,
        });
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}
