"""Layout, blocks and body: furniture, footnote blocks, continuations, kinds, sections, items."""

from __future__ import annotations

import resolutions
from resolutions.inline import inline_text
from resolutions.nodes import Section


def kinds(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r["kind"], r["number"], r["verb"]) for r in resolutions.parse(text).records()]


# ------------------------------------------------------------------ layout: pages and furniture

PDF_TEXT = (
    "The General Assembly,\n"
    "Recalling its resolution 72/3 and the Rome Statute of the International Criminal Court 1\n"
    "reaffirming the purposes,\n"
    "1.\n\nWelcomes the report of the Court, and notes that the situation of the\n"
    "__________________\n1\n\n18-18142 (E)\n\nUnited Nations, Treaty Series, vol. 2187, No. 38544.\n\n021118\n\n*1818142*\n\n"
    "\fA/RES/73/7\n\nCourt remains serious;\n2. Also welcomes the States; 2\n3. Notes the progress;\n"
    "__________________\n\nResolution 70/1.\n2\n\n2/5\n\n18-18142\n"
)


def test_page_furniture_is_kept_apart() -> None:
    doc = resolutions.parse(PDF_TEXT)
    kinds_found = {f.kind for f in doc.furniture}
    assert {"job_number", "date_code", "barcode", "page_number", "running_header", "rule"} <= kinds_found
    assert all("18-18142" not in r["text"] for r in doc.records())


def test_paragraph_cut_by_a_page_and_a_footnote_block_is_one() -> None:
    records = resolutions.parse(PDF_TEXT).records()
    assert records[1]["text"].endswith("notes that the situation of the Court remains serious;")
    assert [r["number"] for r in records] == [None, "1", "2", "3"]


def test_footnotes_below_the_rule_pair_with_their_markers() -> None:
    doc = resolutions.parse(PDF_TEXT)
    notes = {note.marker: inline_text(note.content) for note in doc.footnotes}
    assert notes == {"1": "United Nations, Treaty Series, vol. 2187, No. 38544.", "2": "Resolution 70/1."}
    records = doc.records()
    assert records[0]["footnotes"] == ["1"]  # "Court 1": a footnote printed on the same page
    assert records[2]["footnotes"] == ["2"]


def test_scrambled_markers_pair_in_order() -> None:
    text = (
        "1. Decides that a 2 and b 3 and c 4 and d 5;\n__________________\n\n"
        "A/58/874 and A/58/874/Add.1.\nArticles 10 and 13 of the Agreement.\n4\nA/73/334.\n"
        "5\nUnited Nations, Treaty Series, vol. 2271,\nNo. 40446.\n2\n3\n\n2/5\n\f2. Decides.\n"
    )
    notes = {note.marker: inline_text(note.content) for note in resolutions.parse(text).footnotes}
    assert notes == {
        "2": "A/58/874 and A/58/874/Add.1.",
        "3": "Articles 10 and 13 of the Agreement.",
        "4": "A/73/334.",
        "5": "United Nations, Treaty Series, vol. 2271, No. 40446.",
    }


def test_page_bottom_footnote_without_a_rule_and_repeats() -> None:
    text = (
        "The Assembly,\n\nHaving considered the reports;\n3\n\nRecalling the Declaration,\n"
        "3\n\nDocuments A66/8 and A66/9.\n\n\fNoting the plan,\n3\n\nDocuments A66/8 and A66/9.\n"
    )
    doc = resolutions.parse(text)
    assert [(n.marker, inline_text(n.content)) for n in doc.footnotes] == [("3", "Documents A66/8 and A66/9.")]
    assert len(doc.footnotes[0].repeats) > 0
    assert doc.records()[0]["footnotes"] == ["3"]


def test_star_footnote_at_a_page_bottom() -> None:
    text = "Sponsors:* draft resolution\n\nThe General Assembly,\n\nRecalling x,\n\n* Any changes to the list.\n\n23-02871 (E)\n\f1. Decides.\n"
    doc = resolutions.parse(text)
    assert [n.marker for n in doc.footnotes] == ["*"]


def test_markdown_footnotes_between_rules() -> None:
    text = (
        "1. *Note* the report<sup>1</sup> of the Board;\n\n---\n\n<sup>1</sup> E/INCB/2012/1.\n\n2. *Note* the rest.\n"
    )
    doc = resolutions.parse(text)
    assert [(n.marker, inline_text(n.content)) for n in doc.footnotes] == [("1", "E/INCB/2012/1.")]
    assert [r["footnotes"] for r in doc.records()] == [["1"], []]


def test_numbers_that_are_not_references() -> None:
    text = "The Council,\n1. Recalls article 3 of the Agreement and that 5 per cent of 12 States;\n__________________\n3\nIbid.\n5\nIbid.\n12\nIbid.\n"
    assert resolutions.parse(text).records()[0]["footnotes"] == []


def test_spaced_references_numbered_from_an_annual_volume() -> None:
    """Footnotes of a resolution taken from a volume start where the volume is (here 87)."""
    text = (
        "The Security Council,\n\nHaving examined the letter of 19 April 1990 84\nand the agreements "
        "signed that day, 87 which\nenvisage demobilization,\n\n1. Approves the proposals; 88\n\n"
        "2. Requests a report on 7 May 1990.\n\n87 S/21259, annex.\n88 S/21260.\n"
    )
    doc = resolutions.parse(text)
    assert [r["footnotes"] for r in doc.records()] == [["87"], ["88"], []]
    assert "1990 84" in doc.records()[0]["text"]  # no footnote 84 is printed: a number, not a reference


def test_spaced_references_after_one_lost_in_extraction() -> None:
    text = (
        "The Council,\n\nTaking note of documents S/10182 11 and S/10251,\n\nTaking note of the letter "
        "of Portugal, 13\n\nHaving heard Senegal, 14\n\n1. Decides.\n\n11 Ibid.\n13 Ibid.\n14 Ibid.\n"
    )
    assert [r["footnotes"] for r in resolutions.parse(text).records()] == [[], ["13"], ["14"], []]


def test_footnote_marker_set_apart_by_a_column_gap() -> None:
    text = (
        "The Council,\n\nNoting the report,1\n\n1. Decides to act.\n\n"
        "          __________________\n          1    A/HRC/52/30.\n          *    Reissued.\n"
    )
    doc = resolutions.parse(text)
    assert [(n.marker, inline_text(n.content)) for n in doc.footnotes] == [("1", "A/HRC/52/30."), ("*", "Reissued.")]
    assert not [d for d in doc.diagnostics if d.severity != "info"]


def test_voting_record_after_the_closing_lines() -> None:
    text = (
        "The Council,\n\n1. Decides to remain seized of the matter.\n\n51st meeting\n3 April 2023\n\n"
        "[Adopted by a recorded vote of 18 to 7, with 22 abstentions. The voting was as\nfollows:\n\n"
        "In favour:\n      Argentina, Belgium, Chile\n\nAgainst:\n      China, Cuba\n\n"
        "Abstaining:\n      Algeria, Bangladesh]\n"
    )
    doc = resolutions.parse(text)
    assert [r["number"] for r in doc.records()] == ["1"]
    assert doc.closing is not None
    assert doc.closing.meeting == "51st meeting"
    assert doc.closing.lines[-1] == "Algeria, Bangladesh]"
    assert [type(block).__name__ for block in doc.body] == ["Paragraph"]  # no sections made of the vote


def test_bracketed_text_that_is_not_a_vote_stays_in_the_body() -> None:
    text = "The Council,\n\n1. Decides to act.\n\n[Text as corrected]\n"
    doc = resolutions.parse(text)
    assert doc.closing is None


def test_part_label_then_its_title_make_one_section() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolutions,\n\nI\n\nGeneral provisions\n\n1. Reaffirms its commitment;\n\n"
        "II\n\nImplementation\n\n2. Requests a report;\n\nIII\n\n3. Decides to remain seized.\n"
    )
    doc = resolutions.parse(text)
    sections = [block for block in doc.body if isinstance(block, Section)]
    assert [(s.label, s.heading, s.level) for s in sections] == [
        ("I", "General provisions", 1),
        ("II", "Implementation", 1),
        ("III", "", 1),
    ]
    assert [r["section"] for r in doc.records()[1:]] == [["I General provisions"], ["II Implementation"], ["III"]]


def test_resolution_in_parts_each_with_its_title_and_formula() -> None:
    text = (
        "77/126. Oceans and the law of the sea\n\nA\n\nOceans and the law of the sea\n\nThe General Assembly,\n\n"
        "Recalling its resolutions,\n\n1. Reaffirms its resolutions;\n\n2. Calls upon States to act;\n\n"
        "B\n\nSustainable fisheries\n\nThe General Assembly,\n\nReaffirming its resolutions,\n\n"
        "1. Reaffirms the importance;\n\n2. Decides to include the sub-item.\n\n53rd plenary meeting\n9 December 2022\n"
    )
    doc = resolutions.parse(text)
    assert doc.title == "Oceans and the law of the sea"
    assert [(line.field, line.text) for line in doc.header.lines if line.field == "number"] == [("number", "77/126.")]
    assert doc.header.organ == "General Assembly"
    parts = [block for block in doc.body if isinstance(block, Section)]
    assert [(p.label, p.heading, p.formula is not None) for p in parts] == [
        ("A", "Oceans and the law of the sea", True),
        ("B", "Sustainable fisheries", True),
    ]
    assert [(r["kind"], r["number"]) for r in doc.records()] == [
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
    ]
    assert not [d for d in doc.diagnostics if d.severity != "info"]  # numbering starts again in each part


def test_running_headers_repeated_on_pages_are_furniture() -> None:
    page = "Political declaration on tuberculosis\n\nA/RES/73/3\n\n"
    text = "The General Assembly,\n1. Decides one;\n\f" + page + "2. Decides two;\n\f" + page + "3. Decides three.\n"
    doc = resolutions.parse(text)
    assert [r["number"] for r in doc.records()] == ["1", "2", "3"]
    assert sum(f.kind == "running_header" for f in doc.furniture) >= 2


# ------------------------------------------------------------------ blocks: continuations


def test_lower_case_continuation_after_blank_lines() -> None:
    text = "1. Producing countries should act. Rather, they should\n\n\n\nbe truly cooperative ventures.\n\n2. Next.\n"
    records = resolutions.parse(text).records()
    assert records[0]["text"].endswith("they should be truly cooperative ventures.")
    assert len(records) == 2


def test_capitalised_continuation_of_a_paragraph_that_must_end_in_punctuation() -> None:
    text = "The Council,\n\nNoting the recommendation by the Co-Chairmen of the Steering\n\nCommittee of the Conference,\n\n1. Decides.\n"
    records = resolutions.parse(text).records()
    assert (
        records[0]["text"]
        == "Noting the recommendation by the Co-Chairmen of the Steering Committee of the Conference,"
    )


def test_plain_paragraphs_without_final_stop_stay_apart() -> None:
    outcome = "Outcome of the round table on strengthening international cooperation in countering " * 3
    text = f"1. Points.\n\n{outcome}(Islamic Republic of Iran)\n\nOn 11 March 2009, the outcome was presented.\n"
    assert len(resolutions.parse(text).records()) == 3


def test_operative_paragraph_ending_in_a_comma_continues_over_the_page() -> None:
    text = "We, the Heads,\n6. Recognize the heavy burden of tuberculosis,\n\n18-16895\n\n2/10\n\fHIV and AIDS, and other co-morbidities;\n7. Express concern.\n"
    records = resolutions.parse(text).records()
    assert records[0]["text"].endswith("tuberculosis, HIV and AIDS, and other co-morbidities;")


def test_pdftotext_paragraph_starts_without_blank_lines() -> None:
    text = "The General Assembly,\nRecalling its resolution,\nRecalling also that the Statute\nreaffirms the purposes,\nConvinced that ending\nimpunity is essential,\n1. Decides.\n"
    assert kinds(text) == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Recalling also"),
        ("preambular", None, "Convinced"),
        ("operative", "1", "Decides"),
    ]


def test_hyphen_at_line_end_joins_words() -> None:
    text = "1. Requests the Secretary-\nGeneral to report and the drug-\nresistant forms;\n"
    assert (
        resolutions.parse(text).records()[0]["text"]
        == "Requests the Secretary-General to report and the drug-resistant forms;"
    )


# ------------------------------------------------------------------ body: kinds and verbs


def test_resolution_preamble_and_operative_part() -> None:
    text = "The General Assembly,\n\nGuided by the Charter,\n\nRecalling also its resolutions,\n\n1. <i>Demands</i> a ceasefire;\n\n2. *Reiterates* its demand.\n"
    assert kinds(text) == [
        ("preambular", None, "Guided by"),
        ("preambular", None, "Recalling also"),
        ("operative", "1", "Demands"),
        ("operative", "2", "Reiterates"),
    ]
    doc = resolutions.parse(text)
    assert doc.preamble.formula is not None
    assert [p.verb.marking for p in doc.paragraphs() if p.verb] == ["plain", "plain", "italic", "italic"]


def test_declaration_in_the_first_person() -> None:
    text = "We, Heads of State and Government, assembled in New York, and we therefore:\n1.\nReaffirm the 2030 Agenda;\n2. Given the association, commit to act;\n3. Further reaffirm the declaration.\n"
    doc = resolutions.parse(text)
    assert doc.preamble.formula is not None
    assert kinds(text) == [
        ("operative", "1", "Reaffirm"),
        ("operative", "2", None),
        ("operative", "3", "Further reaffirm"),
    ]


def test_summary_without_verbs_is_plain_paragraphs() -> None:
    text = "1. Producing countries are links in a chain.\n2. Reliable data collection facilitates a response.\n3. Demand reduction must not be neglected.\n"
    assert [k for k, _, _ in kinds(text)] == ["paragraph"] * 3


def test_unnumbered_marked_verbs_without_formula_are_operative() -> None:
    text = "The Chairs summarized the points as follows:\n\n***Express*** deep concern at the price;\n\n**Reaffirm** also the commitments.\n\nThe meeting then closed.\n\nSupport for the programme was strong.\n"
    assert kinds(text) == [
        ("paragraph", None, None),
        ("operative", None, "Express deep concern"),
        ("operative", None, "Reaffirm also"),
        ("paragraph", None, None),
        ("paragraph", None, None),
    ]


def test_unmarked_operative_list_without_formula() -> None:
    # Plain text has no italics: a list of verb-led paragraphs ending in semicolons is operative.
    text = "The Chairs summarized the points as follows:\n\nExpress deep concern at the price;\n\nRequest the donors to act.\n\nSupport for the programme was strong.\n"
    assert kinds(text) == [
        ("paragraph", None, None),
        ("operative", None, "Express deep concern"),
        ("operative", None, "Request"),
        ("paragraph", None, None),
    ]


def test_capital_verbs_and_sub_items() -> None:
    text = "The Sixty-sixth World Health Assembly,\nHaving considered the reports;\n1. DECIDES:\n(1) to endorse the plan;\n(2) to adopt the framework;\n2. REQUESTS the Director-General:\n(1) to submit information;\n(2) to develop terms:\n(i) Member States;\n(ii) agencies;\n(3) to report.\n"
    records = resolutions.parse(text).records()
    assert [(r["kind"], r["number"], r["parent"]) for r in records] == [
        ("preambular", None, None),
        ("operative", "1", None),
        ("item", "1", 1),
        ("item", "2", 1),
        ("operative", "2", None),
        ("item", "1", 4),
        ("item", "2", 4),
        ("item", "i", 6),
        ("item", "ii", 6),
        ("item", "3", 4),
    ]
    doc = resolutions.parse(text)
    assert [p.verb.marking for p in doc.paragraphs() if p.kind == "operative"] == ["capitals", "capitals"]


def test_ocr_slip_one_for_roman_one() -> None:
    text = "The Security Council,\n\n1. Affirms the principles:\n\n(1) Withdrawal of forces;\n\n(ii) Termination of claims;\n\n2. Affirms further the necessity\n\n(a) For navigation;\n\n(b) For a settlement;\n"
    records = resolutions.parse(text).records()
    parents = {r["number"]: r["parent"] for r in records if r["kind"] == "item"}
    assert parents["1"] == parents["ii"] == 0
    assert records[3]["verb"] == "Affirms further"


def test_lettered_operative_paragraphs() -> None:
    text = "The Security Council\n\n(a) Resolves that the dispute be taken off the list; and\n\n(b) Requests that the records be placed at the disposal of the Assembly.\n"
    assert kinds(text) == [("operative", "a", "Resolves"), ("operative", "b", "Requests")]


def test_sections_levels_and_annex() -> None:
    text = (
        "We, the Ministers,\n\n1. *Note* a;\n\n### General achievements\n\n2. *Note* b;\n\n"
        "## A. Demand reduction\n\n### Achievements\n\n1. *Note* c;\n\n## B. Supply reduction\n\n3. *Note* d;\n\n"
        "Annex\n\nThe following organizations were invited:\n\n1. Council of Europe\n2. European Union\n"
    )
    records = resolutions.parse(text).records()
    assert [r["section"] for r in records] == [
        [],
        ["General achievements"],
        ["A. Demand reduction", "Achievements"],
        ["B. Supply reduction"],
        ["Annex"],
        ["Annex"],
        ["Annex"],
    ]
    assert [r["kind"] for r in records[-3:]] == ["paragraph"] * 3


def test_plain_text_section_headings() -> None:
    text = "1. The Pact matters.\n\nI. Strengthening regional initiatives\n\nReducing traffic will contribute to peace:\n\n1. Strengthening capacity;\n\nII. Detecting financial flows\n\n1. Enhancing exchanges.\n"
    records = resolutions.parse(text).records()
    assert [r["section"] for r in records] == [
        [],
        ["I. Strengthening regional initiatives"],
        ["I. Strengthening regional initiatives"],
        ["II. Detecting financial flows"],
    ]


def test_adopted_declaration_is_a_section_with_its_formula() -> None:
    text = (
        "Political declaration on tuberculosis\nThe General Assembly\nAdopts the following political declaration:\n\n"
        "Political declaration on tuberculosis\nUnited to end tuberculosis\nWe, Heads of State, we therefore:\n"
        "1. Reaffirm the Agenda;\n2. Commit to act.\n"
    )
    doc = resolutions.parse(text)
    assert doc.title == "Political declaration on tuberculosis"
    adopted = doc.body[1]
    assert adopted.heading == "Political declaration on tuberculosis"  # type: ignore[union-attr]
    assert adopted.subtitle == "United to end tuberculosis"  # type: ignore[union-attr]
    assert adopted.formula is not None  # type: ignore[union-attr]
    assert kinds(text) == [("operative", None, "Adopts"), ("operative", "1", "Reaffirm"), ("operative", "2", "Commit")]


def test_closing_lines() -> None:
    text = "The General Assembly,\n1. Invites the Court to report.\n28th plenary meeting\n29 October 2018\n"
    doc = resolutions.parse(text)
    assert doc.closing is not None
    assert (doc.closing.meeting, str(doc.closing.date)) == ("28th plenary meeting", "2018-10-29")
    assert len(doc.records()) == 1
    closing = resolutions.parse("The Council,\n\n1. Decides.\n\nAdopted unanimously at the\n1382nd meeting.\n").closing
    assert closing is not None and closing.meeting == "1382nd meeting"
    closing = resolutions.parse(
        "The Assembly,\n\n1. URGES States.\n\nNinth plenary meeting, 27 May 2013\nA66/VR/9\n"
    ).closing
    assert closing is not None and (closing.meeting, str(closing.date)) == ("Ninth plenary meeting", "2013-05-27")


def test_verb_phrase_parts() -> None:
    doc = resolutions.parse("The Council,\n\n1. Once again strongly urges all States;\n\n2. Decides further that;\n")
    verbs = [p.verb for p in doc.paragraphs()]
    assert [(v.head, v.modifiers) for v in verbs if v] == [
        ("urges", ("Once again", "strongly")),
        ("Decides", ("further",)),
    ]


def test_verb_phrase_cut_by_a_line_break_before_a_glued_reference() -> None:
    # Found by the perturbation property: "Having" / "considered ... Director-General,1".
    text = (
        "The Executive Board,\n\nHaving\nconsidered the report by the Director-General,1\n\n"
        "RECOMMENDS to the Assembly the adoption:\n\n_______________\n1 Document EB152/6.\n"
    )
    assert [(r["kind"], r["verb"]) for r in resolutions.parse(text).records()] == [
        ("preambular", "Having considered"),
        ("operative", "RECOMMENDS"),
    ]


def test_preambular_paragraph_ending_with_a_spaced_reference_stays_in_the_preamble() -> None:
    text = (
        "The Security Council,\n\nHaving heard the statements of Angola 52 and Zambia, 52\n\n"
        "Having also heard the statement of the Committee, 52\n\n1. Decides to remain seized.\n\n52 Ibid.\n"
    )
    doc = resolutions.parse(text)
    assert [(r["kind"], r["footnotes"]) for r in doc.records()] == [
        ("preambular", ["52", "52"]),
        ("preambular", ["52"]),
        ("operative", []),
    ]
    assert len(doc.preamble.paragraphs) == 2


def test_annex_heading_with_its_title_on_the_next_line() -> None:
    text = (
        "The Security Council,\n\n1. Decides to remain seized of the matter.\n\n"
        "Annex\nList of items referred to in paragraph 1 of the present resolution:\n\n"
        "- Loading buoys or single point moorings,\n- Anchor chains.\n"
    )
    document = resolutions.parse(text)
    assert [(a.heading, a.title) for a in document.annexes] == [
        ("Annex", "List of items referred to in paragraph 1 of the present resolution:")
    ]
    assert [(r["kind"], r["section"]) for r in document.records()[1:]] == [("paragraph", ["Annex"])] * 2


def test_an_annex_number_on_the_line_under_annex_is_part_of_the_heading() -> None:
    text = "The Security Council,\n\n1. Decides.\n\nAnnex\nI\n\nText of the annex.\n"
    assert [(a.heading, a.title) for a in resolutions.parse(text).annexes] == [("Annex I", None)]


def test_a_paragraph_that_mentions_an_annex_is_no_annex() -> None:
    text = "The Security Council,\n\n1. Decides to adopt the list in the\nAnnex\nto this resolution.\n"
    document = resolutions.parse(text)
    assert document.annexes == ()
    assert document.records()[0]["text"] == "Decides to adopt the list in the Annex to this resolution."
