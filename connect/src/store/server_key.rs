//! The root of the keys the server derives for its own use (link tokens, document keys),
//! kept in the database sealed with `CONNECT_SECRET_KEY`.
//!
//! Were the root derived from the key itself, rotating the key would change every document
//! key (people joining an open session would land in a new one) and invalidate every link the
//! Document Server holds (its saves would be refused). Stored, it survives rotations; the
//! first boot stores the root the key derived before, so upgrading changes nothing either.

use base64::{Engine, engine::general_purpose::STANDARD};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, EntityTrait, QueryFilter, entity::prelude::*,
    sea_query::OnConflict,
};

use super::{secrets::SecretBox, tenant::StoreError};

/// The row's name, also the sealed value's associated data.
const DERIVE_ROOT: &str = "derive-root";

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "connect_server_key")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub name: String,
        pub sealed: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

use entity::{ActiveModel, Column, Entity};

/// `secrets`, deriving from the stored root: stored now if no replica stored one before (the
/// first writer wins), sealed again with the current key if a previous key sealed it.
pub async fn load<C: ConnectionTrait>(db: &C, secrets: SecretBox) -> Result<SecretBox, StoreError> {
    Entity::insert(ActiveModel {
        name: Set(DERIVE_ROOT.to_owned()),
        sealed: Set(secrets.seal(&STANDARD.encode(secrets.derive_root()), DERIVE_ROOT)),
    })
    .on_conflict(OnConflict::column(Column::Name).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let row = Entity::find_by_id(DERIVE_ROOT.to_owned())
        .one(db)
        .await?
        .ok_or(StoreError::Db(DbErr::RecordNotFound(DERIVE_ROOT.into())))?;
    let root: [u8; 32] = STANDARD
        .decode(secrets.open(&row.sealed, DERIVE_ROOT)?)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(super::secrets::SecretError::Decrypt)?;
    if !secrets.is_current(&row.sealed, DERIVE_ROOT) {
        Entity::update_many()
            .col_expr(
                Column::Sealed,
                Expr::value(secrets.seal(&STANDARD.encode(root), DERIVE_ROOT)),
            )
            .filter(Column::Name.eq(DERIVE_ROOT))
            .filter(Column::Sealed.eq(row.sealed))
            .exec(db)
            .await?;
    }
    Ok(secrets.with_derive_root(root))
}
