//! What a person may do on a page: Confluence's permissions, with the site's view-only
//! policies and the licence applied on top.

/// What a person may do on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageAccess {
    pub read: bool,
    /// May add and update the page's attachments.
    pub edit: bool,
    /// The page's space, when the person can see the page.
    pub space_key: Option<String>,
    /// Set by the site's options rather than Confluence: `edit` is off although Confluence
    /// would allow it.
    pub view_only: Option<ViewOnlyPolicy>,
}

/// Why an administrator's options open a document for viewing only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewOnlyPolicy {
    /// The page's space only views.
    Space(String),
    /// The person is in a group that only views.
    Group(String),
    /// The file carries a label that only views.
    Label(String),
    /// The site's licence is not active: Confluo views, nothing more.
    Unlicensed,
}

impl ViewOnlyPolicy {
    /// The refusal of a change this policy forbids.
    pub fn refusal(&self) -> crate::error::OfficeError {
        use crate::error::OfficeError;
        match self {
            Self::Space(space) => OfficeError::SpaceViewOnly(space.clone()),
            Self::Group(group) => OfficeError::GroupViewOnly(group.clone()),
            Self::Label(label) => OfficeError::LabelViewOnly(label.clone()),
            Self::Unlicensed => OfficeError::Unlicensed,
        }
    }
}

impl PageAccess {
    /// No editing: `read` as Confluence said, in the page's space when the person sees it.
    pub fn without_edit(read: bool, space_key: Option<String>) -> Self {
        Self {
            read,
            edit: false,
            space_key,
            view_only: None,
        }
    }

    /// Turns editing off by the site's `policy`.
    pub fn restrict(&mut self, policy: ViewOnlyPolicy) {
        self.edit = false;
        self.view_only = Some(policy);
    }

    /// Refuses a change of the page's attachments, saying why.
    pub fn require_edit(&self) -> Result<(), crate::error::OfficeError> {
        use crate::error::OfficeError;
        match (&self.view_only, self.edit) {
            (Some(policy), _) => Err(policy.refusal()),
            (None, true) => Ok(()),
            (None, false) => Err(OfficeError::ReadOnly),
        }
    }
}
