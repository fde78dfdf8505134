//! The UM operations as subcommands, through the typed client.

use exchange_um::um;
use exchange_um_emulator::store::pin_in_reset_mail;
use xsdgen_runtime::soap::{EnvelopeStyle, write_envelope};

use crate::args::{Greeting, Operation, Target};
use crate::{mailbox, target};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

pub async fn run(target: &Target, operation: Operation) -> Result<()> {
    let session = target::connect(target).await?;
    let client = &session.client;
    match operation {
        Operation::ResetPin => return reset_pin(&session).await,
        Operation::IsUmEnabled => println!("{}", client.is_um_enabled().await?),
        Operation::GetUmProperties => match client.get_um_properties().await? {
            Some(props) => print_properties(&props),
            None => println!("(the server returned no properties)"),
        },
        Operation::SetOofStatus { status } => client.set_oof_status(status).await?,
        Operation::SetPlayOnPhoneDialString { dial_string } => {
            client.set_play_on_phone_dial_string(&dial_string).await?;
        }
        Operation::SetTelephoneAccessFolderEmail { base64_folder_id } => {
            client
                .set_telephone_access_folder_email(&base64_folder_id)
                .await?;
        }
        Operation::SetMissedCallNotificationEnabled { status } => {
            client.set_missed_call_notification_enabled(status).await?;
        }
        Operation::PlayOnPhone {
            entry_id,
            dial_string,
        } => print_call_id(client.play_on_phone(&entry_id, &dial_string).await?),
        Operation::GetCallInfo { call_id } => match client.get_call_info(&call_id).await? {
            Some(info) => println!(
                "state: {}\nevent cause: {}",
                info.call_state, info.event_cause
            ),
            None => println!("(the server returned no call information)"),
        },
        Operation::Disconnect { call_id } => client.disconnect(&call_id).await?,
        Operation::PlayOnPhoneGreeting {
            greeting,
            dial_string,
        } => {
            let greeting = match greeting {
                Greeting::NormalCustom => um::UmGreetingType::NormalCustom,
                Greeting::OofCustom => um::UmGreetingType::OofCustom,
            };
            print_call_id(
                client
                    .play_on_phone_greeting(greeting, &dial_string)
                    .await?,
            );
        }
    }
    Ok(())
}

/// ResetPIN, then (against the embedded emulator) the e-mail it delivered,
/// read from the caller's mailbox over HTTP.
async fn reset_pin(session: &target::Session) -> Result<()> {
    let response = session.client.reset_pin().await?;
    println!("ResetPIN succeeded. The response, as decoded by the generated reader:");
    println!();
    println!(
        "{}",
        write_envelope(&response, &EnvelopeStyle::ASMX_RESPONSE)?
    );
    println!();
    let Some(emulator) = &session.emulator else {
        println!(
            "The new PIN has been e-mailed to {}'s mailbox.",
            session.user
        );
        return Ok(());
    };
    let messages =
        mailbox::fetch(&emulator.mailbox_url(), &session.user, &session.password).await?;
    let mail = messages
        .last()
        .ok_or("ResetPIN succeeded but no e-mail arrived in the mailbox")?;
    println!("The e-mail delivered to {}'s mailbox:", session.user);
    println!();
    mailbox::print(mail);
    println!();

    // Check the delivered PIN against the policy the server enforces, so
    // that the demo shows the whole contract, not only that a mail came.
    let pin = pin_in_reset_mail(&mail.body).ok_or("the reset e-mail carries no PIN")?;
    let store = emulator.store().clone();
    let user = session.user.clone();
    let record = tokio::task::spawn_blocking(move || {
        let id = store.user_id(&user)?;
        store.user(id)
    })
    .await??;
    let policy = &record.policy;
    policy.check(pin, record.extension.as_deref())?;
    println!(
        "The PIN satisfies {}'s policy: {} digits (MinPINLength {}), common patterns {}, \
         not a suffix of extension {}.",
        record.name,
        pin.len(),
        policy.min_pin_length(),
        if policy.allow_common_patterns() {
            "allowed"
        } else {
            "refused"
        },
        record.extension.as_deref().unwrap_or("(none)"),
    );
    Ok(())
}

fn print_properties(props: &um::UmProperties) {
    println!("OofStatus:                     {}", props.oof_status);
    println!(
        "MissedCallNotificationEnabled: {}",
        props.missed_call_notification_enabled
    );
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "(not set)".to_owned());
    println!(
        "PlayOnPhoneDialString:         {}",
        text(&props.play_on_phone_dial_string)
    );
    println!(
        "TelephoneAccessNumbers:        {}",
        text(&props.telephone_access_numbers)
    );
    println!(
        "TelephoneAccessFolderEmail:    {}",
        text(&props.telephone_access_folder_email)
    );
}

fn print_call_id(call_id: Option<String>) {
    match call_id {
        Some(id) => println!("{id}"),
        None => println!("(the server returned no call id)"),
    }
}
