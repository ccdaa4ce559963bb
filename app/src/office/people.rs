//! People for the editor (`onRequestUsers`): names and avatars of co-editors, and the list the
//! editor offers when someone types `@` in a comment, searched in Confluence as the person
//! asking (so they only find people they may see).

use super::{confluence::UserJson, error::OfficeError, service::Caller};
use office::views::PersonCard;

/// At most this many people per answer.
const LIMIT: usize = 25;

/// The CQL that finds people whose name contains `search` (everyone when it is empty).
pub fn cql(search: &str) -> String {
    let cleaned: String = search
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\'))
        .take(60)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "type=user".to_owned()
    } else {
        format!("type=user and user.fullname~\"{cleaned}\"")
    }
}

/// A person as the editor shows them; apps and bots are left out. `site_origin` makes Confluence's
/// site-relative avatar paths absolute.
pub fn card(user: UserJson, site_origin: &str) -> Option<PersonCard> {
    if user.account_id.is_empty() || user.account_type.as_deref() == Some("app") {
        return None;
    }
    let image = user
        .profile_picture
        .map(|p| p.path)
        .filter(|p| !p.is_empty())
        .map(|p| {
            if p.starts_with("https://") || p.starts_with("http://") {
                p
            } else {
                format!("{site_origin}{p}")
            }
        });
    Some(PersonCard {
        id: user.account_id,
        name: user.display_name,
        email: user.email.unwrap_or_default(),
        image,
    })
}

/// The origin (`https://site.atlassian.net`) of a site's base URL.
fn origin(base_url: &str) -> String {
    reqwest::Url::parse(base_url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default()
}

/// People whose names contain `search`, for mentions.
pub async fn search(
    caller: &Caller,
    page_id: &str,
    search: &str,
) -> Result<Vec<PersonCard>, OfficeError> {
    let confluence = caller.confluence();
    if !confluence.access(&caller.account_id, page_id).await?.read {
        return Err(OfficeError::NoAccess);
    }
    let hits = confluence
        .search_users(&caller.account_id, &cql(search), LIMIT)
        .await?;
    let site = origin(&caller.scope.tenant.base_url);
    Ok(hits
        .into_iter()
        .filter_map(|h| card(h.user, &site))
        .collect())
}

/// Names and avatars of the given people (co-editors in the editor's header).
pub async fn info(
    caller: &Caller,
    page_id: &str,
    ids: &[String],
) -> Result<Vec<PersonCard>, OfficeError> {
    let confluence = caller.confluence();
    if !confluence.access(&caller.account_id, page_id).await?.read {
        return Err(OfficeError::NoAccess);
    }
    let site = origin(&caller.scope.tenant.base_url);
    let mut out = Vec::new();
    for id in ids.iter().take(LIMIT) {
        // Someone Confluence no longer knows is simply not shown.
        if let Ok(user) = confluence.user_json(id).await
            && let Some(card) = card(user, &site)
        {
            out.push(card);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::confluence::Picture;

    #[test]
    fn search_terms_cannot_break_out_of_the_query() {
        assert_eq!(cql(""), "type=user");
        assert_eq!(cql("  car "), "type=user and user.fullname~\"car\"");
        assert_eq!(
            cql("x\" or user.fullname~\"\\"),
            "type=user and user.fullname~\"x or user.fullname~\""
        );
    }

    #[test]
    fn cards_with_absolute_avatars_and_no_apps() {
        let user = |kind: &str, path: &str| UserJson {
            account_id: "acc-1".into(),
            display_name: "Ada".into(),
            email: None,
            locale: None,
            profile_picture: Some(Picture { path: path.into() }),
            account_type: Some(kind.into()),
        };
        let c = card(
            user("atlassian", "/wiki/aa-avatar/acc-1"),
            "https://s.atlassian.net",
        )
        .unwrap();
        assert_eq!(
            c.image.as_deref(),
            Some("https://s.atlassian.net/wiki/aa-avatar/acc-1")
        );
        assert_eq!(c.email, "");
        let c = card(user("atlassian", "https://cdn/a.png"), "https://s").unwrap();
        assert_eq!(c.image.as_deref(), Some("https://cdn/a.png"));
        assert!(card(user("app", ""), "https://s").is_none());
        assert_eq!(
            origin("https://s.atlassian.net/wiki"),
            "https://s.atlassian.net"
        );
    }
}
