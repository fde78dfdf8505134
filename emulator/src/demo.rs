//! Demo users, for `serve` without a users file and for the tests.

use crate::policy::PinPolicySettings;
use crate::store::UmSettings;
use crate::users::UserSpec;

/// UM-enabled demo user: extension 4321, MinPINLength 6, PINHistoryCount 5,
/// common patterns not allowed.
pub const ALICE: &str = "alice";
/// Demo password of [`ALICE`]; public on purpose.
pub const ALICE_PASSWORD: &str = "alice-demo-password";
/// Demo user who is not enabled for Unified Messaging.
pub const BOB: &str = "bob";
/// Demo password of [`BOB`].
pub const BOB_PASSWORD: &str = "bob-demo-password";
/// A second UM-enabled demo user, to show that mailboxes are separate.
pub const CAROL: &str = "carol";
/// Demo password of [`CAROL`].
pub const CAROL_PASSWORD: &str = "carol-demo-password";

/// Text alice's policy puts at the top of a reset e-mail.
pub const ALICE_RESET_PIN_TEXT: &str =
    "Your voice mail PIN was reset at your request. Call 54321 to reach Outlook Voice Access.";

/// alice, bob and carol, as documented on the constants above.
pub fn demo_users() -> Vec<UserSpec> {
    let alice = UserSpec {
        display_name: Some("Alice Demo".to_owned()),
        extension: Some("4321".to_owned()),
        policy: PinPolicySettings {
            min_pin_length: 6,
            pin_history_count: 5,
            allow_common_patterns: false,
            reset_pin_text: ALICE_RESET_PIN_TEXT.to_owned(),
            ..PinPolicySettings::default()
        },
        ..UserSpec::new(ALICE, ALICE_PASSWORD, "alice@contoso.com")
    };
    let bob = UserSpec {
        display_name: Some("Bob Demo".to_owned()),
        um_enabled: false,
        ..UserSpec::new(BOB, BOB_PASSWORD, "bob@contoso.com")
    };
    let carol = UserSpec {
        display_name: Some("Carol Demo".to_owned()),
        extension: Some("5678".to_owned()),
        settings: UmSettings {
            oof_status: true,
            play_on_phone_dial_string: "5678".to_owned(),
            ..UmSettings::default()
        },
        ..UserSpec::new(CAROL, CAROL_PASSWORD, "carol@contoso.com")
    };
    vec![alice, bob, carol]
}
