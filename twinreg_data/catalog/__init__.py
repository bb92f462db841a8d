"""Translation catalogues: each module defines MESSAGES = {key: {"en": …, "fi": …, "et": …}}."""
