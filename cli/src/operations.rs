//! The UM operations as subcommands, through the typed client.

use exchange_um::um;

use crate::args::{Greeting, Operation, Target};
use crate::output::{self, Outcome};
use crate::{reset, target};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Runs `operation` and prints its result, as JSON when `json`; a failure
/// is printed as JSON too (and returned, for the exit code and stderr).
pub async fn run(target: &Target, operation: Operation, json: bool) -> Result<()> {
    let name = operation.name();
    match execute(target, operation).await {
        Ok(outcome) => {
            if json {
                output::print_json(&outcome.to_json(name))?;
            } else {
                outcome.print_human();
            }
            Ok(())
        }
        Err(error) => {
            if json {
                output::print_json(&output::error_json(name, error.as_ref()))?;
            }
            Err(error)
        }
    }
}

async fn execute(target: &Target, operation: Operation) -> Result<Outcome> {
    let session = target::connect(target).await?;
    let client = &session.client;
    let outcome = match operation {
        Operation::ResetPin => Outcome::Reset(reset::reset_pin(&session).await?),
        Operation::IsUmEnabled => Outcome::UmEnabled(client.is_um_enabled().await?),
        Operation::GetUmProperties => Outcome::Properties(client.get_um_properties().await?),
        Operation::SetOofStatus { status } => {
            client.set_oof_status(status).await?;
            Outcome::set("OofStatus", status)
        }
        Operation::SetPlayOnPhoneDialString { dial_string } => {
            client.set_play_on_phone_dial_string(&dial_string).await?;
            Outcome::set("PlayOnPhoneDialString", dial_string)
        }
        Operation::SetTelephoneAccessFolderEmail { base64_folder_id } => {
            client
                .set_telephone_access_folder_email(&base64_folder_id)
                .await?;
            Outcome::set("TelephoneAccessFolderEmail", base64_folder_id)
        }
        Operation::SetMissedCallNotificationEnabled { status } => {
            client.set_missed_call_notification_enabled(status).await?;
            Outcome::set("MissedCallNotificationEnabled", status)
        }
        Operation::PlayOnPhone {
            entry_id,
            dial_string,
        } => Outcome::CallPlaced(client.play_on_phone(&entry_id, &dial_string).await?),
        Operation::GetCallInfo { call_id } => {
            let info = client.get_call_info(&call_id).await?;
            Outcome::CallInfo { call_id, info }
        }
        Operation::Disconnect { call_id } => {
            client.disconnect(&call_id).await?;
            Outcome::Disconnected { call_id }
        }
        Operation::PlayOnPhoneGreeting {
            greeting,
            dial_string,
        } => {
            let greeting = match greeting {
                Greeting::NormalCustom => um::UmGreetingType::NormalCustom,
                Greeting::OofCustom => um::UmGreetingType::OofCustom,
            };
            let call_id = client
                .play_on_phone_greeting(greeting, &dial_string)
                .await?;
            Outcome::CallPlaced(call_id)
        }
    };
    Ok(outcome)
}
