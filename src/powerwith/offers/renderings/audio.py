"""The offer read aloud: the easy-read rendering's words, spoken by Debian's espeak-ng and
encoded as MP3 (LAME, from the lameenc package).

Only the words of the easy-read rendering are spoken, in its order, so what the person
hears is what the easy-read reader sees. Speaking takes a few seconds, so it is done by
the worker when an offer is sent to someone who asked for audio, and kept
(``offers.recordings``); the first request for one that is not ready makes it then.
"""

from __future__ import annotations

import io
import shutil
import subprocess  # nosec B404: runs espeak-ng only, with a fixed argument list
import wave

import lameenc

from powerwith.core.errors import DomainError
from powerwith.offers.renderings import easy_read, text
from powerwith.offers.renderings.base import Rendered, filename
from powerwith.offers.renderings.words import Content

SPEAKER = "espeak-ng"
VOICE = "en-gb"
# Words a minute: slower than espeak-ng's default (175), for listeners who need time.
SPEED = 140
BIT_RATE = 64  # kbit/s: clear speech in a small file
TIMEOUT_SECONDS = 120


class SpeechUnavailable(DomainError):
    status_code = 503


def script(content: Content) -> str:
    """What is spoken: the easy-read offer as plain lines, bullets dropped, in order."""
    lines = text.from_html(easy_read.render(content).data.decode("utf-8")).splitlines()
    spoken = [line.removeprefix("- ").strip() for line in lines]
    return "\n".join(line for line in spoken if line) + "\n"


def speak(words: str) -> bytes:
    """The words as a WAV file from espeak-ng (read from standard input, never argv)."""
    program = shutil.which(SPEAKER)
    if program is None:
        raise SpeechUnavailable(
            "The offer cannot be read aloud on this server: the speech synthesiser "
            "(espeak-ng) is not installed. Ask the site's administrator to run "
            "'make speech'."
        )
    # A fixed program and arguments; the words go on standard input, never on argv.
    done = subprocess.run(  # noqa: S603  # nosec B603
        [program, "-v", VOICE, "-s", str(SPEED), "--stdout"],
        input=words.encode("utf-8"),
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0 or not done.stdout:
        raise SpeechUnavailable("The speech synthesiser could not read this offer aloud.")
    return done.stdout


def to_mp3(wav: bytes) -> bytes:
    with wave.open(io.BytesIO(wav)) as sound:
        channels, rate = sound.getnchannels(), sound.getframerate()
        frames = sound.readframes(sound.getnframes())
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(BIT_RATE)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(channels)
    encoder.set_quality(2)
    return bytes(encoder.encode(frames) + encoder.flush())


def render(content: Content) -> Rendered:
    return Rendered(
        data=to_mp3(speak(script(content))),
        content_type="audio/mpeg",
        filename=filename(content, ".mp3"),
    )
