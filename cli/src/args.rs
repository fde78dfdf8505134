//! Command-line arguments.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "exchange-um",
    version,
    about = "Exchange Unified Messaging web service client and emulator"
)]
pub struct Cli {
    #[command(flatten)]
    pub target: Target,
    /// More logging on stderr (-v info, -vv debug, -vvv trace with bodies).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print the result (or the error) as one JSON object on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// Where operations are sent.
#[derive(Debug, Clone, Args)]
pub struct Target {
    /// The UM endpoint, e.g. https://mail.example.com/EWS/UM2007Legacy.asmx.
    /// Without it, an embedded emulator is started with its demo users.
    #[arg(long, global = true)]
    pub url: Option<String>,
    /// User name for Basic authentication (the demo user when no --url).
    #[arg(long, global = true)]
    pub user: Option<String>,
    /// Environment variable holding the password; passwords are never
    /// taken on the command line, where other users could read them.
    #[arg(long, global = true, default_value = "EXCHANGE_UM_PASSWORD")]
    pub password_env: String,
    /// Seconds to wait for an answer.
    #[arg(long, global = true, default_value_t = 100)]
    pub timeout: u64,
    /// Trusts this CA certificate (PEM file) besides the system's, e.g.
    /// the one `serve --tls` prints.
    #[arg(long, global = true, value_name = "PEM")]
    pub ca_cert: Option<std::path::PathBuf>,
    /// How to authenticate with --url: basic, ntlm or negotiate (NTLM
    /// inside Negotiate, as on-premises Exchange offers it).
    #[arg(long, global = true, value_enum, default_value_t = AuthScheme::Basic)]
    pub auth: AuthScheme,
    /// Allows sending the password over plain http:// to this host (by
    /// name); without it only loopback hosts get credentials over http.
    #[arg(long, global = true, value_name = "HOST")]
    pub allow_insecure_http: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthScheme {
    Basic,
    Ntlm,
    Negotiate,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the UM emulator until interrupted.
    Serve(ServeArgs),
    #[command(flatten)]
    Operation(Operation),
}

#[derive(Debug, Subcommand)]
pub enum Operation {
    /// Resets the caller's PIN; the new PIN arrives by e-mail.
    ResetPin,
    /// Tells whether the caller is enabled for Unified Messaging.
    IsUmEnabled,
    /// Shows the caller's UM properties.
    GetUmProperties,
    /// Turns the Out of Office greeting on or off.
    SetOofStatus {
        #[arg(action = clap::ArgAction::Set)]
        status: bool,
    },
    /// Sets the number that play-on-phone calls.
    SetPlayOnPhoneDialString { dial_string: String },
    /// Sets the folder read by telephone access (a base64 folder id).
    SetTelephoneAccessFolderEmail { base64_folder_id: String },
    /// Turns missed-call notifications on or off.
    SetMissedCallNotificationEnabled {
        #[arg(action = clap::ArgAction::Set)]
        status: bool,
    },
    /// Plays a voice mail item on a phone; prints the call id.
    PlayOnPhone {
        entry_id: String,
        dial_string: String,
    },
    /// Shows the state of a play-on-phone call.
    GetCallInfo { call_id: String },
    /// Ends a play-on-phone call.
    Disconnect { call_id: String },
    /// Plays a greeting on a phone to record it; prints the call id.
    PlayOnPhoneGreeting {
        #[arg(value_enum)]
        greeting: Greeting,
        dial_string: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Greeting {
    NormalCustom,
    OofCustom,
}

impl Operation {
    /// The operation's name in the WSDL.
    pub fn name(&self) -> &'static str {
        match self {
            Self::ResetPin => "ResetPIN",
            Self::IsUmEnabled => "IsUMEnabled",
            Self::GetUmProperties => "GetUMProperties",
            Self::SetOofStatus { .. } => "SetOofStatus",
            Self::SetPlayOnPhoneDialString { .. } => "SetPlayOnPhoneDialString",
            Self::SetTelephoneAccessFolderEmail { .. } => "SetTelephoneAccessFolderEmail",
            Self::SetMissedCallNotificationEnabled { .. } => "SetMissedCallNotificationEnabled",
            Self::PlayOnPhone { .. } => "PlayOnPhone",
            Self::GetCallInfo { .. } => "GetCallInfo",
            Self::Disconnect { .. } => "Disconnect",
            Self::PlayOnPhoneGreeting { .. } => "PlayOnPhoneGreeting",
        }
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Users file (TOML, see emulator/users.example.toml); the demo users
    /// when absent.
    #[arg(long)]
    pub users: Option<PathBuf>,
    /// SQLite database file; in memory when absent.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Serves HTTPS with a certificate made at start for localhost and
    /// 127.0.0.1; its CA is printed (and written to --ca-out).
    #[arg(long)]
    pub tls: bool,
    /// Serves HTTPS with this certificate chain (PEM; with --key).
    #[arg(long, value_name = "PEM", requires = "key")]
    pub cert: Option<PathBuf>,
    /// The private key of --cert (PEM).
    #[arg(long, value_name = "PEM", requires = "cert")]
    pub key: Option<PathBuf>,
    /// Writes the certificate(s) clients should trust to this file, for
    /// their --ca-cert.
    #[arg(long, value_name = "FILE")]
    pub ca_out: Option<PathBuf>,
    /// Honours the X-Emulator-Fault request header (e.g. `busy;backoff=200`),
    /// with which a client asks for a fault; for testing clients.
    #[arg(long)]
    pub fault_header: bool,
}
