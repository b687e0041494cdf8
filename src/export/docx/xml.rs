//! Patches to the XML parts docx-rs writes, read and written with quick-xml's event API:
//! `w:tblHeader` on header rows, the document language, and the element order the schema
//! prescribes. Elements the patches do not touch are copied byte for byte.

use std::io;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::{ExportError, failure};

/// The schema's sequence of children for each element whose children are put in order
/// (ECMA-376 Part 1, wml.xsd: CT_Body, CT_P, CT_R, CT_Tbl, CT_Row, CT_Tc, CT_PPr with
/// CT_PPrBase, CT_RPr and CT_ParaRPr with EG_RPrBase, CT_TrPr with CT_TrPrBase, CT_Style,
/// CT_TblPr with CT_TblPrBase, CT_TcPr with CT_TcPrBase, CT_SectPr with EG_SectPrContents,
/// CT_NumPr, the border and margin types, CT_Styles, CT_DocDefaults, CT_Numbering,
/// CT_AbstractNum, CT_Lvl, CT_Settings). `*` stands for every child not named; `a|b` share
/// a place (a choice in the schema). The transitional schema makes the run properties
/// (EG_RPrBase) and row properties (CT_TrPrBase) a repeated choice, so any order is valid
/// there; they still follow the order of declaration, which also satisfies a reader that
/// expects a sequence.
#[rustfmt::skip]
const ORDERS: &[(&str, &[&str])] = &[
    ("w:body", &["*", "sectPr"]),
    ("w:p", &["pPr", "*"]),
    ("w:r", &["rPr", "*"]),
    ("w:tbl", &["tblPr", "tblGrid", "*"]),
    ("w:tr", &["tblPrEx", "trPr", "*"]),
    ("w:tc", &["tcPr", "*"]),
    ("w:pPr", &["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
        "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs",
        "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
        "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing",
        "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
        "cnfStyle", "rPr", "sectPr", "pPrChange"]),
    ("w:rPr", &["ins", "del", "moveFrom", "moveTo", "rStyle", "rFonts", "b", "bCs", "i",
        "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
        "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
        "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
        "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
        "rPrChange"]),
    ("w:trPr", &["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter",
        "cantSplit", "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del",
        "trPrChange"]),
    ("w:style", &["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
        "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
        "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr",
        "tblStylePr"]),
    ("w:tblPr", &["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
        "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
        "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
        "tblPrChange"]),
    ("w:tcPr", &["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd",
        "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
        "cellIns|cellDel|cellMerge", "tcPrChange"]),
    ("w:sectPr", &["headerReference|footerReference", "footnotePr", "endnotePr", "type",
        "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
        "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
        "docGrid", "printerSettings", "sectPrChange"]),
    ("w:numPr", &["ilvl", "numId", "numberingChange", "ins"]),
    ("w:tblBorders", &["top", "start", "left", "bottom", "end", "right", "insideH",
        "insideV"]),
    ("w:tcBorders", &["top", "start", "left", "bottom", "end", "right", "insideH",
        "insideV", "tl2br", "tr2bl"]),
    ("w:pBdr", &["top", "left", "bottom", "right", "between", "bar"]),
    ("w:tblCellMar", &["top", "start", "left", "bottom", "end", "right"]),
    ("w:tcMar", &["top", "start", "left", "bottom", "end", "right"]),
    ("w:styles", &["docDefaults", "latentStyles", "style"]),
    ("w:docDefaults", &["rPrDefault", "pPrDefault"]),
    ("w:numbering", &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"]),
    ("w:abstractNum", &["nsid", "multiLevelType", "tmpl", "name", "styleLink",
        "numStyleLink", "lvl"]),
    ("w:lvl", &["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
        "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"]),
    ("w:settings", &["writeProtection", "view", "zoom", "removePersonalInformation",
        "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
        "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
        "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData",
        "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
        "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
        "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod",
        "documentType", "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves",
        "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
        "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
        "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
        "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
        "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
        "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
        "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
        "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
        "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
        "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
        "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars",
        "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
        "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator", "*"]),
];

/// `part` with the children of every element in `ORDERS` in schema order. Also drops what
/// the schema does not allow where docx-rs puts it: the `w:type` on `w:gridCol`, and the
/// empty `w:rPr` in the paragraph properties of styles and numbering levels (an empty
/// `w:rPr` says nothing anywhere, so every one goes).
pub(super) fn canonical(part: &[u8]) -> Result<Vec<u8>, ExportError> {
    let nodes = parse(utf8(part)?)?;
    let mut out = writer(part.len());
    for node in nodes {
        write(node, &mut out).map_err(cannot_write)?;
    }
    Ok(out.into_inner())
}

/// Adds `<w:tblHeader />` to the first row of each table whose entry in `header_tables`
/// is true; the entries follow the tables in document order. docx-rs has no API for it.
pub(super) fn mark_header_rows(
    document: &[u8],
    header_tables: &[bool],
) -> Result<Vec<u8>, ExportError> {
    let mut tables = header_tables.iter();
    // Set at a table whose header row is still to be marked.
    let mut pending = false;
    let no_properties = || failure("a table's header row has no properties".into());
    let out = add_child(document, &BytesStart::new("w:tblHeader"), |event| {
        let (Event::Start(e) | Event::Empty(e)) = event else {
            return Ok(false);
        };
        match e.name().0 {
            "w:tbl" if pending => Err(no_properties()),
            "w:tbl" => {
                pending = *tables.next().ok_or_else(|| {
                    failure("the document has more tables than were written".into())
                })?;
                Ok(false)
            }
            "w:trPr" if pending => {
                pending = false;
                Ok(true)
            }
            _ => Ok(false),
        }
    })?;
    if pending {
        return Err(no_properties());
    }
    Ok(out)
}

/// Puts the document language in the style defaults, so spelling and hyphenation follow
/// the report's language. docx-rs has no API for `w:lang`.
pub(super) fn set_language(styles: &[u8], language: &str) -> Result<Vec<u8>, ExportError> {
    let lang = BytesStart::new("w:lang").with_attributes([
        ("w:val", language),
        ("w:eastAsia", language),
        ("w:bidi", language),
    ]);
    let mut in_defaults = false;
    let mut done = false;
    let out = add_child(styles, &lang, |event| {
        match event {
            Event::Start(e) if e.name().0 == "w:rPrDefault" => in_defaults = true,
            Event::End(e) if e.name().0 == "w:rPrDefault" => in_defaults = false,
            Event::Start(e) | Event::Empty(e) if in_defaults && e.name().0 == "w:rPr" => {
                done = true;
                return Ok(true);
            }
            _ => {}
        }
        Ok(false)
    })?;
    if !done {
        return Err(failure("the styles have no run defaults".into()));
    }
    Ok(out)
}

/// `part` with `child` as the first child of each element whose start `here` answers true
/// for; `here` sees every event in order. The schema order puts the child in its place
/// later. Everything else is copied as it is.
fn add_child(
    part: &[u8],
    child: &BytesStart<'_>,
    mut here: impl FnMut(&Event<'_>) -> Result<bool, ExportError>,
) -> Result<Vec<u8>, ExportError> {
    let mut reader = Reader::from_str(utf8(part)?);
    let mut out = writer(part.len());
    loop {
        let event = reader.read_event().map_err(broken)?;
        let add = here(&event)?;
        match event {
            Event::Eof => return Ok(out.into_inner()),
            // `<w:rPr />` becomes `<w:rPr>child</w:rPr>`.
            Event::Empty(parent) if add => {
                let name_len = parent.name().0.len();
                let parent = BytesStart::from_content(parent.trim_end().to_owned(), name_len);
                out.write_event(Event::Start(parent.borrow()))
                    .and_then(|()| out.write_event(empty_element(child)))
                    .and_then(|()| out.write_event(Event::End(parent.to_end())))
            }
            Event::Start(parent) if add => out
                .write_event(Event::Start(parent))
                .and_then(|()| out.write_event(empty_element(child))),
            event => out.write_event(event),
        }
        .map_err(cannot_write)?;
    }
}

fn utf8(part: &[u8]) -> Result<&str, ExportError> {
    std::str::from_utf8(part)
        .map_err(|e| failure(format!("docx-rs wrote a part that is not UTF-8: {e}")))
}

fn writer(capacity: usize) -> Writer<Vec<u8>> {
    Writer::new(Vec::with_capacity(capacity + 256))
}

fn broken(error: impl std::fmt::Display) -> ExportError {
    failure(format!(
        "docx-rs wrote XML this module cannot read: {error}"
    ))
}

fn cannot_write(error: io::Error) -> ExportError {
    failure(format!("cannot write the XML: {error}"))
}

/// `start` as an empty element written the way docx-rs writes them: `<w:b />`.
fn empty_element(start: &BytesStart<'_>) -> Event<'static> {
    let name_len = start.name().0.len();
    Event::Empty(BytesStart::from_content(format!("{} ", &**start), name_len))
}

/// An XML part as a tree, as far as the reordering needs one.
enum Node<'a> {
    /// An element and its children; `None` for an empty element (`<w:b />`).
    Element {
        start: BytesStart<'a>,
        children: Option<Vec<Node<'a>>>,
    },
    /// Text, a declaration, a comment: copied as they are.
    Other(Event<'a>),
}

impl Node<'_> {
    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { start, .. } => Some(start.name().0),
            Node::Other(_) => None,
        }
    }
}

fn parse(xml: &str) -> Result<Vec<Node<'_>>, ExportError> {
    let mut reader = Reader::from_str(xml);
    // The open elements, and the children read so far of each and of the part itself.
    let mut open: Vec<BytesStart<'_>> = Vec::new();
    let mut levels: Vec<Vec<Node<'_>>> = vec![Vec::new()];
    loop {
        let node = match reader.read_event().map_err(broken)? {
            Event::Start(start) => {
                open.push(start);
                levels.push(Vec::new());
                continue;
            }
            // quick-xml checks that the end tag matches the open element.
            Event::End(_) => Node::Element {
                start: open
                    .pop()
                    .ok_or_else(|| broken("an end tag without a start"))?,
                children: levels.pop(),
            },
            Event::Empty(start) => Node::Element {
                start,
                children: None,
            },
            Event::Eof => break,
            other => Node::Other(other),
        };
        levels.last_mut().expect("the part's level").push(node);
    }
    match open.last() {
        Some(start) => Err(broken(format!("{} is not closed", start.name().0))),
        None => Ok(levels.pop().unwrap_or_default()),
    }
}

/// The order list of elements named `name`.
fn order_of(name: &str) -> Option<&'static [&'static str]> {
    ORDERS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o)
}

/// Where `child` goes among the children of an element with this `order`; `order.len()`
/// for a child the order does not know.
fn rank(order: &[&str], child: &str) -> usize {
    let local = child.strip_prefix("w:").unwrap_or("\u{0}");
    order
        .iter()
        .position(|entry| entry.split('|').any(|n| n == local))
        .or_else(|| order.iter().position(|entry| *entry == "*"))
        .unwrap_or(order.len())
}

fn write(node: Node<'_>, out: &mut Writer<Vec<u8>>) -> io::Result<()> {
    let (start, children) = match node {
        Node::Other(event) => return out.write_event(event),
        Node::Element { start, children } => (start, children),
    };
    let Some(mut children) = children else {
        return if start.name().0 == "w:gridCol" {
            out.write_event(empty_element(&without_type(&start)))
        } else {
            out.write_event(Event::Empty(start))
        };
    };
    out.write_event(Event::Start(start.borrow()))?;
    let only_elements = children.iter().all(|c| c.name().is_some());
    if let (Some(order), true) = (order_of(start.name().0), only_elements) {
        // A stable sort: children of equal rank keep their order.
        children.sort_by_key(|c| rank(order, c.name().unwrap_or_default()));
    }
    for child in children {
        let says_nothing = matches!(
            &child,
            Node::Element { start, children }
                if start.name().0 == "w:rPr" && children.as_ref().is_none_or(Vec::is_empty)
        );
        if !says_nothing {
            write(child, out)?;
        }
    }
    out.write_event(Event::End(start.to_end()))
}

/// A `w:gridCol` without the `w:type` docx-rs gives it; the schema has only `w:w`.
fn without_type(start: &BytesStart<'_>) -> BytesStart<'static> {
    BytesStart::new(start.name().0.to_owned())
        .with_attributes(start.attributes().flatten().filter(|a| a.key.0 != "w:type"))
}

/// What is out of place in `xml`: for every element with an order list, each child the
/// list does not know, and each child that comes after one it should precede.
#[cfg(test)]
pub(super) fn order_problems(xml: &str) -> Vec<String> {
    fn walk(nodes: &[Node<'_>], parent: &str, found: &mut Vec<String>) {
        let order = order_of(parent);
        let mut previous: Option<(&str, usize)> = None;
        for node in nodes {
            let Node::Element { start, children } = node else {
                continue;
            };
            let name = start.name().0;
            if let Some(order) = order {
                let place = rank(order, name);
                if place == order.len() {
                    found.push(format!("{name} in {parent}: not in the schema's order"));
                }
                if let Some((before, at)) = previous
                    && at > place
                {
                    found.push(format!("{name} after {before} in {parent}"));
                }
                previous = Some((name, place));
            }
            walk(children.as_deref().unwrap_or_default(), name, found);
        }
    }
    let nodes = parse(xml).expect("parses");
    let mut found = Vec::new();
    walk(&nodes, "", &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Result<Vec<u8>, ExportError>) -> String {
        String::from_utf8(bytes.expect("patched")).expect("UTF-8")
    }

    #[test]
    fn reordering_keeps_text_attributes_and_declarations() {
        let xml = concat!(
            r#"<?xml version="1.0"?><w:p a="x>y/"><w:r><w:t xml:space="preserve"> a &amp; b </w:t>"#,
            r#"<w:rPr><w:color w:val="1F4E79" /><w:b /></w:rPr></w:r><w:pPr><w:rPr />"#,
            r#"<w:pStyle w:val="T" /></w:pPr></w:p><!-- note -->"#
        );
        assert_eq!(
            text(canonical(xml.as_bytes())),
            concat!(
                r#"<?xml version="1.0"?><w:p a="x>y/"><w:pPr><w:pStyle w:val="T" /></w:pPr>"#,
                r#"<w:r><w:rPr><w:b /><w:color w:val="1F4E79" /></w:rPr>"#,
                r#"<w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p><!-- note -->"#
            )
        );
        assert!(canonical(b"<w:p><w:r></w:p>").is_err());
        assert!(canonical(b"<w:p><w:r>").is_err());
        assert!(canonical(b"<w:p></w:p></w:p>").is_err());
        assert_eq!(
            text(canonical(
                br#"<w:tblGrid><w:gridCol w:w="10" w:type="dxa" /></w:tblGrid>"#
            )),
            r#"<w:tblGrid><w:gridCol w:w="10" /></w:tblGrid>"#
        );
    }

    #[test]
    fn the_order_check_finds_strays_and_misplaced_children() {
        let xml = r#"<w:rPr><w:sz w:val="2" /><w:b /><w:stray /></w:rPr>"#;
        assert_eq!(
            order_problems(xml),
            vec![
                "w:b after w:sz in w:rPr".to_string(),
                "w:stray in w:rPr: not in the schema's order".to_string(),
            ]
        );
        // Put in order, the unknown child stays, last.
        assert_eq!(
            order_problems(&text(canonical(xml.as_bytes()))),
            vec!["w:stray in w:rPr: not in the schema's order".to_string()]
        );
    }

    #[test]
    fn header_rows_are_marked_in_the_tables_that_have_one() {
        let document = concat!(
            "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>",
            "<w:tbl><w:tr><w:trPr /></w:tr><w:tr><w:trPr /></w:tr></w:tbl></w:body>"
        );
        assert_eq!(
            text(mark_header_rows(document.as_bytes(), &[false, true])),
            concat!(
                "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>",
                "<w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>",
                "</w:tbl></w:body>"
            )
        );
        assert!(mark_header_rows(document.as_bytes(), &[true]).is_err());
        assert!(mark_header_rows(b"<w:tbl><w:tr /></w:tbl>", &[true]).is_err());
    }

    #[test]
    fn the_language_goes_into_the_run_defaults() {
        let styles = concat!(
            "<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"21\" /></w:rPr>",
            "</w:rPrDefault></w:docDefaults><w:style><w:rPr /></w:style></w:styles>"
        );
        assert_eq!(
            text(set_language(styles.as_bytes(), "nl-NL")),
            concat!(
                "<w:styles><w:docDefaults><w:rPrDefault><w:rPr>",
                r#"<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="nl-NL" />"#,
                "<w:sz w:val=\"21\" /></w:rPr></w:rPrDefault></w:docDefaults>",
                "<w:style><w:rPr /></w:style></w:styles>"
            )
        );
        assert!(set_language(b"<w:styles />", "en-GB").is_err());
    }
}
