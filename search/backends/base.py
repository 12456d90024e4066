"""What the portal's database backends share: they keep the search documents."""

from .. import documents
from ..models import SearchDocument, SearchTerm


class KeepsDocuments:
    """Index mixin: a page's search document goes with its index entry (search.documents);
    each index's add_items writes them."""

    def delete_item(self, item):
        super().delete_item(item)
        documents.remove(item)

    def reset(self):
        super().reset()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()  # counted again as the pages are indexed
