import pytest

from app.ingest.chunk import MAX_WORDS, chunk_turns
from app.ingest.files import parse_file
from app.ingest.models import Turn
from app.ingest.parse import TranscriptError, parse_text


def test_plain_text_one_turn_per_speaker_line_with_continuations() -> None:
    turns = parse_text("Ann: Hello there.\nand more words\n\nBob Lee: Hi Ann.")
    assert [(t.index, t.speaker, t.text) for t in turns] == [
        (0, "Ann", "Hello there. and more words"), (1, "Bob Lee", "Hi Ann.")]


def test_webvtt_with_voice_tags() -> None:
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann Lee>The ledger is at 40%.</v>\n\n" \
          "00:00:03.000 --> 00:00:05.000\n<v Bob>Great.</v>\n"
    turns = parse_file("call.vtt", vtt.encode())
    assert [(t.speaker, t.text) for t in turns] == [("Ann Lee", "The ledger is at 40%."), ("Bob", "Great.")]


def test_srt_with_speaker_prefixes() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nAnn: Atlas is done.\n\n2\n00:00:02,000 --> 00:00:03,000\nBob: Nice.\n"
    turns = parse_file("call.srt", srt.encode())
    assert [(t.speaker, t.text) for t in turns] == [("Ann", "Atlas is done."), ("Bob", "Nice.")]


def test_undecodable_file_is_rejected_with_a_reason() -> None:
    with pytest.raises(TranscriptError, match="not UTF-8"):
        parse_file("x.txt", b"\xff\xfe\x00\xd8\x00\x00garbage\x00")


def test_chunks_keep_turn_ranges_and_split_long_turns() -> None:
    long_text = " ".join(["word."] * (MAX_WORDS * 2 + 5))
    turns = [Turn(index=0, speaker="A", text="short"), Turn(index=1, speaker="B", text=long_text),
             Turn(index=2, speaker="A", text="end")]
    chunks = chunk_turns(turns)
    assert chunks[0].turn_start == 0
    assert all(len(c.text.split()) <= MAX_WORDS + 2 for c in chunks)
    assert {(c.turn_start, c.turn_end) for c in chunks if "B" in c.speakers and c.speakers == ["B"]} == {(1, 1)}
    assert chunks[-1].turn_end == 2
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_a_memory_keeps_the_words_and_is_embedded_without_markers_or_fillers() -> None:
    # ES2002b turns 0-2 (QMSum, MIT licence), as speech-to-text gives them
    turns = [
        Turn(index=0, speaker="User Interface", text="{vocalsound}"),
        Turn(index=1, speaker="Marketing", text="{vocalsound} Okay . Um , thanks {disfmarker}"),
        Turn(index=2, speaker="Project Manager", text="Uh so um we need the the functional design ."),
    ]
    [chunk] = chunk_turns(turns)
    assert chunk.text.startswith("User Interface: {vocalsound}\nMarketing: {vocalsound} Okay . Um , thanks")
    assert chunk.embedding_text == "Marketing: Okay . thanks\nProject Manager: so we need the the functional design ."


def test_a_memory_of_nothing_but_markers_is_embedded_as_it_is() -> None:
    [chunk] = chunk_turns([Turn(index=0, speaker="Grad A", text="[laughter]")])
    assert chunk.embedding_text == chunk.text == "Grad A: [laughter]"
