"""Every data file of a dossier, in one place: what the site writes beside its pages."""

from __future__ import annotations

from generator.export.bibliography import bibliography_files
from generator.export.dataset import DATA_FOLDER, data_files
from generator.export.ftm import FTM_FILE, ftm_lines
from generator.export.timeline import events_csv, timelinejs_json
from generator.model import DataFile, Dossier, OpenData
from generator.render.wording import entry_date


def open_data(dossier: Dossier, site_name: str, complete: bool = True) -> OpenData:
    """The timeline for TimelineJS and its citations as CSV; with `complete`, the tables and FollowTheMoney too."""
    articles = {article.metadata.article_id: article for article in dossier.articles}
    timeline = (DataFile("timeline/timeline.json", timelinejs_json(list(dossier.timeline), articles, site_name,
                                                                   entry_date)),
                DataFile("timeline/events.csv", events_csv(list(dossier.timeline), articles)))
    if not complete:
        return OpenData(timeline)
    return OpenData(timeline, (*data_files(dossier, site_name), *bibliography_files(dossier, DATA_FOLDER)),
                    DataFile(FTM_FILE, ftm_lines(dossier)))
