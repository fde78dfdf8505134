//! Tokens of well-formed input. Errors, decoding and real documents are in
//! the submodules.

use super::*;

mod corpus;
mod decoding;
mod errors;

/// All tokens up to `Eof` (not included), or the first error.
pub(super) fn lex(input: &str) -> Result<Vec<Token<'_>>, LexError> {
    let mut lexer = Lexer::new(input);
    let mut tokens = Vec::new();
    loop {
        match lexer.next_token()? {
            Token::Eof => return Ok(tokens),
            token => tokens.push(token),
        }
    }
}

fn start(qname: &'static str, attrs: &'static str, pos: usize, empty: bool) -> Token<'static> {
    Token::Start {
        qname,
        attrs,
        pos,
        empty,
    }
}

fn text(raw: &'static str, pos: usize, clean: bool) -> Token<'static> {
    Token::Text { raw, pos, clean }
}

#[test]
fn every_token_kind() {
    let doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
               <!DOCTYPE r>\
               <?pi data?>\
               <!-- c -->\
               <r a=\"1\">t&amp;<![CDATA[<x>&]]><e/></r>";
    let tokens = lex(doc).unwrap();
    assert_eq!(
        tokens,
        [
            Token::Decl {
                content: " version=\"1.0\" encoding=\"utf-8\"",
                pos: 0
            },
            text("\n", 38, true),
            Token::DocType {
                content: " r",
                pos: 39
            },
            Token::Pi {
                target: "pi",
                content: "data",
                pos: 51
            },
            Token::Comment {
                text: " c ",
                pos: 62
            },
            start("r", " a=\"1\"", 72, false),
            text("t&amp;", 81, false),
            Token::CData {
                text: "<x>&",
                pos: 87
            },
            start("e", "", 103, true),
            Token::End {
                qname: "e",
                pos: 105
            },
            Token::End {
                qname: "r",
                pos: 107
            },
        ]
    );
}

#[test]
fn empty_element_reads_like_start_and_end() {
    let short = lex("<a/>").unwrap();
    let long = lex("<a></a>").unwrap();
    assert_eq!(
        short,
        [start("a", "", 0, true), Token::End { qname: "a", pos: 2 }]
    );
    assert_eq!(
        long,
        [start("a", "", 0, false), Token::End { qname: "a", pos: 3 }]
    );
    // Attributes and whitespace before `/>` stay in the region.
    assert_eq!(
        lex("<a x='1' />").unwrap()[0],
        start("a", " x='1' ", 0, true)
    );
}

#[test]
fn depth_and_offset_follow_the_tokens() {
    let doc = "<a><b/>x</a>";
    let mut lexer = Lexer::new(doc);
    let mut seen = Vec::new();
    loop {
        let token = lexer.next_token().unwrap();
        seen.push((lexer.depth(), lexer.offset()));
        if token == Token::Eof {
            break;
        }
    }
    assert_eq!(seen, [(1, 3), (2, 7), (1, 7), (1, 8), (0, 12), (0, 12)]);
    // Eof is returned for ever.
    assert_eq!(lexer.next_token(), Ok(Token::Eof));
}

#[test]
fn nesting_and_prefixes() {
    let doc = "<s:Envelope xmlns:s=\"urn:s\"><s:Body><m:R xmlns:m='urn:m'><x/></m:R>\
               </s:Body></s:Envelope>";
    let names: Vec<String> = lex(doc)
        .unwrap()
        .into_iter()
        .map(|t| match t {
            Token::Start { qname, .. } => format!("<{qname}"),
            Token::End { qname, .. } => format!("/{qname}"),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "<s:Envelope",
            "<s:Body",
            "<m:R",
            "<x",
            "/x",
            "/m:R",
            "/s:Body",
            "/s:Envelope"
        ]
    );
    // Same local name, different prefix: not the same element.
    assert_eq!(
        lex("<a:x></b:x>").unwrap_err(),
        LexErrorKind::MismatchedEnd.at(5)
    );
}

#[test]
fn end_tag_may_have_trailing_whitespace() {
    assert_eq!(lex("<a></a \n>").unwrap().len(), 2);
}

#[test]
fn attributes_split_with_both_quotes_and_spacing() {
    let doc = "<a x=\"1\" y = 'two words'\n\tz\r\n=\"a>b/c'd\" p:q=''/>";
    let Token::Start { attrs, .. } = lex(doc).unwrap()[0] else {
        panic!("not a start tag");
    };
    let pairs: Vec<_> = attributes(attrs).collect();
    assert_eq!(
        pairs,
        [
            ("x", "1"),
            ("y", "two words"),
            ("z", "a>b/c'd"),
            ("p:q", "")
        ]
    );
    assert_eq!(attributes("").count(), 0);
    // Not lexer output: stops rather than fails.
    assert_eq!(attributes(" x=1 y='2'").count(), 0);
    assert_eq!(attributes(" x='1' y=\"2").collect::<Vec<_>>(), [("x", "1")]);
}

#[test]
fn has_xmlns_is_a_byte_search() {
    assert!(has_xmlns(" xmlns=\"urn:a\""));
    assert!(has_xmlns(" a='1' xmlns:p='urn:p'"));
    assert!(!has_xmlns(" a='1' xmln='2'"));
    assert!(!has_xmlns(""));
    assert!(!has_xmlns("xmln"));
}

#[test]
fn text_is_clean_unless_it_has_references_or_cr() {
    let doc = "<a>plain<b/>a &lt; b<c/>x\r\ny<d/>]] ]> ] ok</a>";
    let texts: Vec<_> = lex(doc)
        .unwrap()
        .into_iter()
        .filter_map(|t| match t {
            Token::Text { raw, clean, .. } => Some((raw, clean)),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("plain", true),
            ("a &lt; b", false),
            ("x\r\ny", false),
            ("]] ]> ] ok", true)
        ]
    );
}

#[test]
fn text_before_and_after_the_root_is_reported_not_judged() {
    let tokens = lex("x<a/>y").unwrap();
    assert_eq!(tokens.first(), Some(&text("x", 0, true)));
    assert_eq!(tokens.last(), Some(&text("y", 5, true)));
    // Two roots are also the reader's business.
    assert_eq!(lex("<a/><b/>").unwrap().len(), 4);
}

#[test]
fn non_ascii_names_and_text() {
    let doc = "<été x·y='ü' 名前='値'><ns:ñ\u{301}>\u{FEFF}€\u{10000}\u{FFFD}</ns:ñ\u{301}></été>";
    let tokens = lex(doc).unwrap();
    assert_eq!(tokens.len(), 5);
    let Token::Start { qname, attrs, .. } = tokens[0] else {
        panic!("not a start tag");
    };
    assert_eq!(qname, "été");
    assert_eq!(
        attributes(attrs).collect::<Vec<_>>(),
        [("x·y", "ü"), ("名前", "値")]
    );
    // A combining mark cannot start a name.
    assert_eq!(
        lex("<\u{301}/>").unwrap_err(),
        LexErrorKind::InvalidName.at(1)
    );
}

#[test]
fn comments_pis_and_cdata_edges() {
    let doc = "<!----><!-- - a-b --><?t?><?xml-stylesheet href='s'?>\
               <a><![CDATA[]]><![CDATA[a]]b]>c]]]]></a>";
    let tokens = lex(doc).unwrap();
    assert_eq!(tokens[0], Token::Comment { text: "", pos: 0 });
    assert_eq!(
        tokens[1],
        Token::Comment {
            text: " - a-b ",
            pos: 7
        }
    );
    assert_eq!(
        tokens[2],
        Token::Pi {
            target: "t",
            content: "",
            pos: 21
        }
    );
    assert_eq!(
        tokens[3],
        Token::Pi {
            target: "xml-stylesheet",
            content: "href='s'",
            pos: 26
        }
    );
    assert_eq!(tokens[5], Token::CData { text: "", pos: 56 });
    assert_eq!(
        tokens[6],
        Token::CData {
            text: "a]]b]>c]]",
            pos: 68
        }
    );
}

#[test]
fn doctype_with_internal_subset_is_delimited() {
    let subset = "<!DOCTYPE r PUBLIC \"-//x//y\" 'r.dtd' [\n\
                  <!ELEMENT r (#PCDATA)>\n\
                  <!ATTLIST r a CDATA \"]>\">\n\
                  <!-- ']>\" -->\n\
                  <?p ]> ' ?>\n\
                  <!ENTITY e '>]'>\n\
                  ] >";
    let doc = format!("{subset}<r/>");
    let tokens = lex(&doc).unwrap();
    assert_eq!(
        tokens[0],
        Token::DocType {
            content: &subset[9..subset.len() - 1],
            pos: 0
        }
    );
    assert_eq!(tokens[1], start("r", "", subset.len(), true));
    // A `]` inside a declaration does not end the subset.
    assert!(lex("<!DOCTYPE a [ %pe; <!ELEMENT a ANY]> ]><a/>").is_ok());
}

#[test]
fn decl_pseudo_attributes_read_like_attributes() {
    let doc = "<?xml version='1.10' encoding=\"ISO-8859-1\" standalone='no' ?><a/>";
    let Token::Decl { content, pos: 0 } = lex(doc).unwrap()[0] else {
        panic!("no declaration");
    };
    assert_eq!(
        attributes(content).collect::<Vec<_>>(),
        [
            ("version", "1.10"),
            ("encoding", "ISO-8859-1"),
            ("standalone", "no")
        ]
    );
    assert!(lex("<?xml version=\"1.0\"?><a/>").is_ok());
    assert!(lex("<?xml version=\"1.0\" standalone=\"yes\"?><a/>").is_ok());
}

#[test]
fn allowed_whitespace_and_characters_everywhere() {
    let doc = "<a\tx='\t\n\r'\r\n>\t\n\r<!--\t\r\n--><?p \t\r\n?><![CDATA[\t\r\n]]></a\n>";
    assert!(lex(doc).is_ok());
}
