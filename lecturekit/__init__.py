"""lecturekit: turn messy lecture material into clean slides, quizzes and a static study site."""

__version__ = "0.1.0"
