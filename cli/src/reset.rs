//! ResetPIN, and against the embedded emulator the e-mail it delivered,
//! read from the caller's mailbox over HTTP as a person checking their mail
//! would, with the PIN in it checked against the policy the server enforces.

use exchange_um_emulator::store::{MailMessage, pin_in_reset_mail};
use xsdgen_runtime::soap::{EnvelopeStyle, write_envelope};

use crate::{mailbox, target};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// What a ResetPIN did. `Debug` leaves the e-mail's body (the PIN) out.
#[derive(Debug)]
pub struct ResetReport {
    pub user: String,
    /// The response envelope, as the generated writer writes the decoded
    /// answer.
    pub envelope: String,
    /// The e-mail, when the mailbox could be read (embedded emulator only).
    pub mail: Option<MailMessage>,
    pub policy: Option<PolicyCheck>,
}

/// How the delivered PIN meets the user's policy; never the PIN itself.
#[derive(Debug)]
pub struct PolicyCheck {
    pub digits: usize,
    pub min_pin_length: usize,
    pub allow_common_patterns: bool,
    pub extension: Option<String>,
}

pub async fn reset_pin(session: &target::Session) -> Result<ResetReport> {
    let response = session.client.reset_pin().await?;
    let envelope = write_envelope(&response, &EnvelopeStyle::ASMX_RESPONSE)?;
    let mut report = ResetReport {
        user: session.user.clone(),
        envelope,
        mail: None,
        policy: None,
    };
    let Some(emulator) = &session.emulator else {
        return Ok(report);
    };
    let messages =
        mailbox::fetch(&emulator.mailbox_url(), &session.user, &session.password).await?;
    let mail = messages
        .into_iter()
        .last()
        .ok_or("ResetPIN succeeded but no e-mail arrived in the mailbox")?;

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
    report.policy = Some(PolicyCheck {
        digits: pin.len(),
        min_pin_length: policy.min_pin_length(),
        allow_common_patterns: policy.allow_common_patterns(),
        extension: record.extension.clone(),
    });
    report.mail = Some(mail);
    Ok(report)
}
