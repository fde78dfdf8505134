//! The UM settings read by GetUMProperties and written by the Set* operations.

use rusqlite::params;

use super::{Store, StoreError, UserId};

/// A user's UM settings, the content of `UMProperties`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct UmSettings {
    pub oof_status: bool,
    pub missed_call_notification_enabled: bool,
    pub play_on_phone_dial_string: String,
    /// The dial plan's access numbers in one string, as Exchange returns them.
    pub telephone_access_numbers: String,
    /// Base64 entry id of the folder read out over the phone.
    pub telephone_access_folder_email: String,
}

impl Default for UmSettings {
    /// The values of the GetUMProperties documentation sample.
    fn default() -> Self {
        Self {
            oof_status: false,
            missed_call_notification_enabled: true,
            play_on_phone_dial_string: "12345".to_owned(),
            telephone_access_numbers: "54321".to_owned(),
            telephone_access_folder_email:
                "AAAAAGfOJ1Y0w9ZFqG8r3QXeT5MBAOV1BUmEAd9IqP1jYmSwP2UAAAAAAQ4AAA==".to_owned(),
        }
    }
}

/// One setting written by a Set* operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingChange {
    OofStatus(bool),
    MissedCallNotificationEnabled(bool),
    PlayOnPhoneDialString(String),
    TelephoneAccessFolderEmail(String),
}

impl Store {
    /// A user's current UM settings.
    pub fn um_settings(&self, id: UserId) -> Result<UmSettings, StoreError> {
        self.with_conn(|conn| {
            let found = conn.query_row(
                "SELECT oof_status, missed_call_notification, play_on_phone_dial_string,
                        telephone_access_numbers, telephone_access_folder_email
                 FROM users WHERE id = ?1",
                [id.0],
                |row| {
                    Ok(UmSettings {
                        oof_status: row.get(0)?,
                        missed_call_notification_enabled: row.get(1)?,
                        play_on_phone_dial_string: row.get(2)?,
                        telephone_access_numbers: row.get(3)?,
                        telephone_access_folder_email: row.get(4)?,
                    })
                },
            );
            match found {
                Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::UnknownUser),
                other => Ok(other?),
            }
        })
    }

    /// Writes one setting.
    pub fn change_setting(&self, id: UserId, change: &SettingChange) -> Result<(), StoreError> {
        // Column names come from this fixed list, never from the request.
        let (column, value): (&str, rusqlite::types::Value) = match change {
            SettingChange::OofStatus(v) => ("oof_status", i64::from(*v).into()),
            SettingChange::MissedCallNotificationEnabled(v) => {
                ("missed_call_notification", i64::from(*v).into())
            }
            SettingChange::PlayOnPhoneDialString(v) => {
                ("play_on_phone_dial_string", v.clone().into())
            }
            SettingChange::TelephoneAccessFolderEmail(v) => {
                ("telephone_access_folder_email", v.clone().into())
            }
        };
        self.with_conn(|conn| {
            let sql = format!("UPDATE users SET {column} = ?1 WHERE id = ?2");
            match conn.execute(&sql, params![value, id.0])? {
                0 => Err(StoreError::UnknownUser),
                _ => Ok(()),
            }
        })
    }
}
