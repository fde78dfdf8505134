//! Every error kind, with the position it is reported at.

use super::lex;
use crate::xml::lexer::{LexError, LexErrorKind, LexErrorKind::*, Lexer};

fn check(cases: &[(&str, LexErrorKind, usize)]) {
    for &(input, kind, pos) in cases {
        assert_eq!(
            lex(input).err(),
            Some(LexError { kind, pos }),
            "input {input:?}"
        );
    }
}

#[test]
fn forbidden_characters_anywhere() {
    check(&[
        ("<a>\u{1}</a>", InvalidChar, 3),
        ("<a>x\u{0}</a>", InvalidChar, 4),
        ("<a>\u{FFFE}</a>", InvalidChar, 3),
        ("<a>\u{FFFF}</a>", InvalidChar, 3),
        ("\u{1B}<a/>", InvalidChar, 0),
        ("<a x='\u{8}'/>", InvalidChar, 6),
        ("<a x=\"\u{FFFF}\"/>", InvalidChar, 6),
        ("<!--\u{C}-->", InvalidChar, 4),
        ("<?p \u{1F}?>", InvalidChar, 4),
        ("<a><![CDATA[\u{B}]]></a>", InvalidChar, 12),
        ("<!DOCTYPE a [\u{2}]>", InvalidChar, 13),
        ("<!DOCTYPE a SYSTEM '\u{2}'>", InvalidChar, 20),
        ("<!DOCTYPE a [<!--\u{7F}\u{2}-->]>", InvalidChar, 18),
        // Where markup expected something else, the character is named.
        ("<\u{1}a/>", InvalidChar, 1),
        ("<\u{FFFE}/>", InvalidChar, 1),
        ("<a\u{1}/>", InvalidChar, 2),
        ("<a/\u{1}>", InvalidChar, 3),
        ("<a x\u{1}='1'/>", InvalidChar, 4),
        ("<a x=\u{1}'1'/>", InvalidChar, 5),
        ("<a x='1'\u{2}/>", InvalidChar, 8),
        ("<a></a\u{1}>", InvalidChar, 6),
        ("<?\u{1}?>", InvalidChar, 2),
        ("<?p\u{1}?>", InvalidChar, 3),
        ("<?xml version='1.0'\u{1}?>", InvalidChar, 19),
        ("<!DOCTYPE\u{1}a>", InvalidChar, 9),
        ("<!DOCTYPE \u{1}>", InvalidChar, 10),
    ]);
}

#[test]
fn names() {
    check(&[
        ("<1a/>", InvalidName, 1),
        ("< a/>", InvalidName, 1),
        ("<>", InvalidName, 1),
        ("<a 1='x'/>", InvalidName, 3),
        ("<a></ a>", InvalidName, 5),
        ("<a>&#x41;</-a>", InvalidName, 11),
        ("<?1?>", InvalidName, 2),
        ("<!DOCTYPE 1>", InvalidName, 10),
    ]);
    check(&[
        ("<:a/>", InvalidQName, 1),
        ("<a:/>", InvalidQName, 1),
        ("<a:b:c/>", InvalidQName, 1),
        ("<a:1/>", InvalidQName, 1),
        ("<a x:='1'/>", InvalidQName, 3),
        ("<a :x='1'/>", InvalidQName, 3),
        ("<a></a:>", InvalidQName, 5),
    ]);
}

#[test]
fn tags() {
    check(&[
        ("<a/ >", MalformedTag, 3),
        ("<a\"x\">", MalformedTag, 2),
        ("<a></a x>", MalformedTag, 7),
        ("<a x='1'\"/>", MalformedTag, 8),
        ("<a x='1'y='2'/>", MissingWhitespace, 8),
        ("<a x/>", MissingEquals, 4),
        ("<a x \"1\"/>", MissingEquals, 5),
        ("<a x=1/>", UnquotedAttributeValue, 5),
        ("<a x= >", UnquotedAttributeValue, 6),
        ("<a x='<'/>", LtInAttributeValue, 6),
        ("<a x=\"a<b\"/>", LtInAttributeValue, 7),
        ("<a x='1' x=\"2\"/>", DuplicateAttribute, 9),
        ("<a p:x='1' y='' p:x=''/>", DuplicateAttribute, 16),
    ]);
}

#[test]
fn duplicates_among_many_attributes() {
    let mut tag = String::from("<a");
    for i in 0..20 {
        tag.push_str(&format!(" a{i}='{i}'"));
    }
    let unique = format!("{tag}/>");
    assert!(lex(&unique).is_ok());
    let dup_at = tag.len() + 1;
    // The earliest second occurrence is reported, whatever the order.
    let doc = format!("{tag} a7='x' a3='y'/>");
    assert_eq!(lex(&doc).unwrap_err(), DuplicateAttribute.at(dup_at));
}

#[test]
fn structure() {
    check(&[
        ("<a></b>", MismatchedEnd, 3),
        ("<a><b></a></b>", MismatchedEnd, 6),
        ("</a>", UnmatchedEnd, 0),
        ("<a/></a>", UnmatchedEnd, 4),
        ("<a><b>", UnclosedElement, 3),
        ("<a>text", UnclosedElement, 0),
        ("<a><b/>", UnclosedElement, 0),
    ]);
}

#[test]
fn unterminated_constructs() {
    check(&[
        ("<", UnterminatedTag, 0),
        ("<a", UnterminatedTag, 0),
        ("<a ", UnterminatedTag, 0),
        ("<a x", UnterminatedTag, 0),
        ("<a x=", UnterminatedTag, 0),
        ("<a x='1", UnterminatedTag, 0),
        ("<a/", UnterminatedTag, 0),
        ("<a></", UnterminatedTag, 3),
        ("<a></a", UnterminatedTag, 3),
        ("<!", MalformedMarkup, 0),
        ("<!-", UnterminatedComment, 0),
        ("<!-- x", UnterminatedComment, 0),
        ("<!-- x--", UnterminatedComment, 0),
        ("<?", UnterminatedPi, 0),
        ("<?p", UnterminatedPi, 0),
        ("<?p x?", UnterminatedPi, 0),
        ("<?xml version='1.0'", UnterminatedPi, 0),
        ("<?xml version='1.0", UnterminatedPi, 0),
        ("<a><![CDA", UnterminatedCData, 3),
        ("<a><![CDATA[x]]</a>", UnterminatedCData, 3),
        ("<!DOCTY", UnterminatedDocType, 0),
        ("<!DOCTYPE", UnterminatedDocType, 0),
        ("<!DOCTYPE ", UnterminatedDocType, 0),
        ("<!DOCTYPE a", UnterminatedDocType, 0),
        ("<!DOCTYPE a SYSTEM 'x>", UnterminatedDocType, 0),
        ("<!DOCTYPE a [<!ELEMENT a ANY>", UnterminatedDocType, 0),
        ("<!DOCTYPE a [<!-- ]> -->", UnterminatedDocType, 0),
        ("<!DOCTYPE a [<!-- ]>", UnterminatedDocType, 0),
        ("<!DOCTYPE a [<? ]>", UnterminatedDocType, 0),
    ]);
}

#[test]
fn markup_content() {
    check(&[
        ("<a>x]]>y</a>", CDataEndInText, 4),
        ("<a>]]]></a>", CDataEndInText, 4),
        ("<!-- a -- b -->", DoubleHyphenInComment, 7),
        ("<!-- a --->", DoubleHyphenInComment, 7),
        ("<!--->", UnterminatedComment, 0),
        ("<!foo>", MalformedMarkup, 0),
        ("<a><!ELEMENT a></a>", MalformedMarkup, 3),
        ("<?p\"x\"?>", MalformedPi, 3),
        ("<?p:q x?>", MalformedPi, 3),
        ("<?p?q?>", MalformedPi, 3),
        ("<!DOCTYPEa>", MalformedDocType, 9),
        ("<!DOCTYPE a ]>", MalformedDocType, 12),
        ("<!DOCTYPE a [ ] x>", MalformedDocType, 16),
        ("<!DOCTYPE a []<a/>", MalformedDocType, 14),
        ("<!DOCTYPE a [ x ]>", MalformedDocType, 14),
        ("<!DOCTYPE a [ <a> ]>", MalformedDocType, 14),
        ("<!DOCTYPE a [ % ]>", MalformedDocType, 14),
        ("<!DOCTYPE a [ %pe ]>", MalformedDocType, 14),
        (" <?xml version='1.0'?><a/>", ReservedPiTarget, 1),
        ("<?XML version='1.0'?><a/>", ReservedPiTarget, 0),
        ("<a/><?xml version='1.0'?>", ReservedPiTarget, 4),
        ("<?xMl?>", ReservedPiTarget, 0),
    ]);
}

#[test]
fn xml_declaration() {
    check(&[
        ("<?xml?>", MalformedDecl, 5),
        ("<?xml ?>", MalformedDecl, 6),
        ("<?xml encoding='utf-8'?>", MalformedDecl, 6),
        ("<?xml version='2.0'?>", MalformedDecl, 15),
        ("<?xml version='1.'?>", MalformedDecl, 15),
        ("<?xml version=1.0?>", MalformedDecl, 14),
        ("<?xml version '1.0'?>", MalformedDecl, 14),
        ("<?xml version='1.0'encoding='x'?>", MalformedDecl, 19),
        ("<?xml version='1.0' encoding='8bit'?>", MalformedDecl, 30),
        (
            "<?xml version='1.0' standalone='maybe'?>",
            MalformedDecl,
            32,
        ),
        (
            "<?xml version='1.0' standalone='no' encoding='x'?>",
            MalformedDecl,
            36,
        ),
        ("<?xml version='1.0' version='1.0'?>", MalformedDecl, 20),
        ("<?xml version='1.0' other='1'?>", MalformedDecl, 20),
        ("<?xml version='1.0' ?x?>", MalformedDecl, 20),
    ]);
    // A target that merely starts with "xml" is reserved for standards but
    // well-formed.
    assert!(lex("<?xmlfoo?><a/>").is_ok());
}

#[test]
fn references() {
    check(&[
        ("<a>&</a>", InvalidReference, 3),
        ("<a>a & b</a>", InvalidReference, 5),
        ("<a>&;</a>", InvalidReference, 3),
        ("<a>&#;</a>", InvalidReference, 3),
        ("<a>&#x;</a>", InvalidReference, 3),
        ("<a>&#X41;</a>", InvalidReference, 3),
        ("<a>&#12a;</a>", InvalidReference, 3),
        ("<a>&lt</a>", InvalidReference, 3),
        ("<a>&a:b;</a>", InvalidReference, 3),
        ("<a x='&'/>", InvalidReference, 6),
        ("<a>&foo;</a>", UndefinedEntity, 3),
        ("<a>&LT;</a>", UndefinedEntity, 3),
        ("<a x='&nbsp;'/>", UndefinedEntity, 6),
        ("<a>&#0;</a>", InvalidCharRef, 3),
        ("<a>&#1;</a>", InvalidCharRef, 3),
        ("<a>&#xD800;</a>", InvalidCharRef, 3),
        ("<a>&#xFFFE;</a>", InvalidCharRef, 3),
        ("<a>&#x110000;</a>", InvalidCharRef, 3),
        ("<a>&#99999999999999999999999;</a>", InvalidCharRef, 3),
        ("<a x=\"&#x0;\"/>", InvalidCharRef, 6),
    ]);
}

#[test]
fn an_error_is_sticky() {
    let mut lexer = Lexer::new("<a></b><c/>");
    assert!(lexer.next_token().is_ok());
    let err = lexer.next_token().unwrap_err();
    assert_eq!(err, MismatchedEnd.at(3));
    assert_eq!(lexer.next_token(), Err(err));
    assert_eq!(
        err.to_string(),
        "end tag does not match the open element at byte 3"
    );
}
