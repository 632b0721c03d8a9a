"""QTI 1.2 zip as Canvas imports it: imsmanifest.xml + <id>/<id>.xml (+ Canvas's assessment_meta.xml)."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from lxml import etree

from lecturekit.errors import AnswerKeyError, Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.text import from_html_math as from_html
from lecturekit.quiz.text import to_html_math as to_html

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the same quiz gives the same bytes
TYPES = {False: "multiple_choice_question", True: "multiple_answers_question"}
KIND_TYPES = {
    QuestionKind.TRUE_FALSE: "true_false_question",
    QuestionKind.SHORT_ANSWER: "short_answer_question",
    QuestionKind.NUMERIC: "numerical_question",
    QuestionKind.MATCHING: "matching_question",
    QuestionKind.DISCUSSION: "essay_question",
}
SCHEMA = Path(__file__).with_name("qti_subset.xsd")


def ident(text: str) -> str:
    """An XML-safe identifier derived from TEXT (stable: a hash, not a counter)."""
    return "g" + hashlib.sha1(text.encode()).hexdigest()[:24]


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write the zip; every XML member is parsed back before it is stored."""
    quiz_id = ident(title)
    members = {
        "imsmanifest.xml": manifest(quiz_id, title),
        f"{quiz_id}/{quiz_id}.xml": assessment(questions, quiz_id, title),
        f"{quiz_id}/assessment_meta.xml": meta(quiz_id, title),
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            etree.fromstring(data)  # well-formed, or lxml raises here rather than in Canvas
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data)
    return len(questions)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def manifest(quiz_id: str, title: str) -> bytes:
    root = etree.Element(f"{{{CP_NS}}}manifest", identifier=ident("manifest" + quiz_id), nsmap={None: CP_NS})
    metadata = etree.SubElement(root, f"{{{CP_NS}}}metadata")
    etree.SubElement(metadata, f"{{{CP_NS}}}schema").text = "IMS Content"
    etree.SubElement(metadata, f"{{{CP_NS}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CP_NS}}}organizations")
    resources = etree.SubElement(root, f"{{{CP_NS}}}resources")
    quiz = etree.SubElement(resources, f"{{{CP_NS}}}resource", identifier=quiz_id, type="imsqti_xmlv1p2")
    etree.SubElement(quiz, f"{{{CP_NS}}}file", href=f"{quiz_id}/{quiz_id}.xml")
    etree.SubElement(quiz, f"{{{CP_NS}}}dependency", identifierref=ident("meta" + quiz_id))
    extra = etree.SubElement(
        resources,
        f"{{{CP_NS}}}resource",
        identifier=ident("meta" + quiz_id),
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{quiz_id}/assessment_meta.xml",
    )
    etree.SubElement(extra, f"{{{CP_NS}}}file", href=f"{quiz_id}/assessment_meta.xml")
    return _xml(root)


def meta(quiz_id: str, title: str) -> bytes:
    root = etree.Element(f"{{{CANVAS_NS}}}quiz", identifier=quiz_id, nsmap={None: CANVAS_NS})
    for tag, value in (
        ("title", title),
        ("quiz_type", "practice_quiz"),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("allowed_attempts", "-1"),
        ("show_correct_answers", "true"),
    ):
        etree.SubElement(root, f"{{{CANVAS_NS}}}{tag}").text = value
    return _xml(root)


def assessment(questions: list[Question], quiz_id: str, title: str) -> bytes:
    root = etree.Element(f"{{{QTI_NS}}}questestinterop", nsmap={None: QTI_NS})
    test = _sub(root, "assessment", ident=quiz_id, title=title)
    section = _sub(test, "section", ident="root_section")
    for question in questions:
        section.append(_item(question))
    validate(root)
    return _xml(root)


def validate(root: etree._Element) -> None:
    """Raise AnswerKeyError naming the first violation of the QTI subset schema."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    if not schema.validate(root):
        raise AnswerKeyError(f"QTI does not validate: {schema.error_log.last_error}", file=SCHEMA.name)


def _sub(
    parent: etree._Element,
    tag: str,
    text: str | None = None,
    attrib: dict[str, str] | None = None,
    **attrs: str,
) -> etree._Element:
    node = etree.SubElement(parent, f"{{{QTI_NS}}}{tag}", attrib or {}, **attrs)
    if text is not None:
        node.text = text
    return node


def _material(parent: etree._Element, markup: str) -> None:
    _sub(_sub(parent, "material"), "mattext", markup, texttype="text/html")


def _item(question: Question) -> etree._Element:
    item = etree.Element(f"{{{QTI_NS}}}item", ident=ident(question.id), title=question.label)
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    kind = TYPES[question.multiple] if question.kind is QuestionKind.MCQ else KIND_TYPES[question.kind]
    for label, value in (("question_type", kind), ("points_possible", "1.0"), ("lecturekit_id", question.id)):
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", value)
    presentation = _sub(item, "presentation")
    _material(presentation, to_html(question.stem))
    if question.kind in (QuestionKind.MCQ, QuestionKind.TRUE_FALSE):
        _choices(item, presentation, question)
    elif question.kind is QuestionKind.MATCHING:
        _matching(item, presentation, question)
    elif question.kind in (QuestionKind.SHORT_ANSWER, QuestionKind.NUMERIC):
        _typed_answer(item, presentation, question)
    else:
        _sub(
            _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib"),
            "response_label",
            ident="answer1",
            rshuffle="No",
        )
    if question.explanation:
        feedback = _sub(item, "itemfeedback", ident="general_fb")
        _material(_sub(feedback, "flow_mat"), to_html(question.explanation))
    return item


def _choices(item: etree._Element, presentation: etree._Element, question: Question) -> None:
    cardinality = "Multiple" if question.multiple else "Single"
    render = _sub(
        _sub(presentation, "response_lid", ident="response1", rcardinality=cardinality), "render_choice"
    )
    for option in question.options:
        _material(
            _sub(render, "response_label", ident=f"{ident(question.id)}_{option.key}"), to_html(option.text)
        )
    processing = _processing(item)
    if question.explanation:
        general = _sub(processing, "respcondition", attrib={"continue": "Yes"})
        _sub(_sub(general, "conditionvar"), "other")
        _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    for option in question.options:
        if option.feedback:
            response = f"{ident(question.id)}_{option.key}"
            condition = _sub(processing, "respcondition", attrib={"continue": "Yes"})
            _sub(_sub(condition, "conditionvar"), "varequal", response, respident="response1")
            _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{response}_fb")
    if question.answer:
        _scoring(processing, question)
    for option in question.options:
        if option.feedback:
            feedback = _sub(item, "itemfeedback", ident=f"{ident(question.id)}_{option.key}_fb")
            _material(_sub(feedback, "flow_mat"), to_html(option.feedback))


def _processing(item: etree._Element) -> etree._Element:
    processing = _sub(item, "resprocessing")
    _sub(
        _sub(processing, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    return processing


def _typed_answer(item: etree._Element, presentation: etree._Element, question: Question) -> None:
    """A typed answer: each accepted text (short answer) or value range (numerical) sets its weight."""
    _sub(
        _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib"),
        "response_label",
        ident="answer1",
        rshuffle="No",
    )
    processing = _processing(item)
    for accepted in question.accepted:
        condition = _sub(processing, "respcondition", attrib={"continue": "No"})
        _sub(_sub(condition, "conditionvar"), "varequal", accepted.text, respident="response1")
        _sub(condition, "setvar", f"{accepted.weight:g}", action="Set", varname="SCORE")
    for number in question.numeric:
        condition = _sub(processing, "respcondition", attrib={"continue": "No"})
        test = _sub(condition, "conditionvar")
        _sub(test, "vargte", f"{number.value - number.tolerance:g}", respident="response1")
        _sub(test, "varlte", f"{number.value + number.tolerance:g}", respident="response1")
        _sub(condition, "setvar", f"{number.weight:g}", action="Set", varname="SCORE")


def _matching(item: etree._Element, presentation: etree._Element, question: Question) -> None:
    """One response per left item, each offering every right item; each right match adds its share."""
    rights = sorted({pair.right for pair in question.pairs})
    processing_rows = []
    for row, pair in enumerate(question.pairs, 1):
        lid = _sub(presentation, "response_lid", ident=f"response_{row}", rcardinality="Single")
        _material(lid, to_html(pair.left))
        render = _sub(lid, "render_choice")
        for column, right in enumerate(rights, 1):
            _material(_sub(render, "response_label", ident=f"r{row}_{column}"), to_html(right))
        processing_rows.append((row, rights.index(pair.right) + 1))
    processing = _processing(item)
    share = 100 / len(question.pairs) if question.pairs else 0
    for row, column in processing_rows:
        condition = _sub(processing, "respcondition", attrib={"continue": "Yes"})
        _sub(_sub(condition, "conditionvar"), "varequal", f"r{row}_{column}", respident=f"response_{row}")
        _sub(condition, "setvar", f"{share:.4f}", action="Add", varname="SCORE")


def _scoring(processing: etree._Element, question: Question) -> None:
    condition = _sub(processing, "respcondition", attrib={"continue": "No"})
    test = _sub(condition, "conditionvar")
    target = _sub(test, "and") if question.multiple else test
    for option in question.options:
        response = f"{ident(question.id)}_{option.key}"
        if option.key in (question.answer or []):
            _sub(target, "varequal", response, respident="response1")
        elif question.multiple:
            _sub(_sub(target, "not"), "varequal", response, respident="response1")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")


def read(path: Path) -> list[Question]:
    """Questions read back from a zip written by `write` (for round-trip checks)."""
    with zipfile.ZipFile(path) as archive:
        manifest_root = etree.fromstring(archive.read("imsmanifest.xml"))
        href = manifest_root.find(f".//{{{CP_NS}}}resource[@type='imsqti_xmlv1p2']/{{{CP_NS}}}file").get(
            "href"
        )
        root = etree.fromstring(archive.read(href))
    validate(root)
    return [_read_item(item) for item in root.iter(f"{{{QTI_NS}}}item")]


def _read_item(item: etree._Element) -> Question:
    ns = {"q": QTI_NS}
    fields = {
        f.findtext("q:fieldlabel", namespaces=ns): f.findtext("q:fieldentry", namespaces=ns)
        for f in item.iterfind(".//q:qtimetadatafield", ns)
    }
    labels = item.findall(".//q:response_label", ns)
    kind = next((k for k, v in KIND_TYPES.items() if v == fields.get("question_type")), QuestionKind.MCQ)
    with_options = kind in (QuestionKind.MCQ, QuestionKind.TRUE_FALSE)
    choices = [label for label in labels if label.find("q:material", ns) is not None and with_options]
    correct = {
        v.text
        for v in item.findall(".//q:respcondition[@continue='No']/q:conditionvar//q:varequal", ns)
        if v.getparent().tag != f"{{{QTI_NS}}}not"
    }
    notes = {
        f.get("ident"): from_html(f.findtext(".//q:mattext", namespaces=ns) or "")
        for f in item.iterfind("q:itemfeedback", ns)
    }
    options = [
        Option(
            key=re.sub(r".*_", "", label.get("ident")),
            text=from_html(label.findtext(".//q:mattext", namespaces=ns) or ""),
            feedback=notes.get(label.get("ident") + "_fb"),
        )
        for label in choices
    ]
    qid = fields.get("lecturekit_id") or ""
    explanation = notes.get("general_fb")
    return Question(
        id=qid,
        lecture=qid.rsplit("/", 1)[0],
        label=item.get("title") or "",
        kind=kind,
        stem=from_html(item.findtext("q:presentation/q:material/q:mattext", namespaces=ns) or ""),
        options=options,
        multiple=fields.get("question_type") == TYPES[True],
        answer=[o.key for o in options if f"{ident(qid)}_{o.key}" in correct] or None,
        explanation=explanation or None,
    )
