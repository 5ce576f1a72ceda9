"""{% fragment "name" "app other_app" per %}…{% endfragment %}: render once per content state.

The enclosed template is kept in the shared cache under the generations of the named content
apps (core.pagecache.fragment_key), the next scheduled change, the day, the language and
`per` (optional: what else the part differs by, such as the page's address). After an edit
to one app, fragments showing only other apps are reused; nothing else can make them stale.
Outside anonymous reading (editors, previews) the part is rendered every time.

Each process also keeps the fragments it used last: a key names one state of the content, so
what it holds can never become stale, and after an edit of another app the part costs no
round trip to the shared cache.
"""

import logging
from collections import OrderedDict

from django import template
from django.core.cache import cache

from core import pagecache

logger = logging.getLogger(__name__)
register = template.Library()
# The fragments this process used last, newest at the end.
LOCAL_ENTRIES = 300
_local = OrderedDict()


def _remember(key, html):
    _local[key] = html
    _local.move_to_end(key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, depends_on, per):
        self.nodelist, self.name, self.depends_on, self.per = nodelist, name, depends_on, per

    def render(self, context):
        request = context.get("request")
        depends_on = self.depends_on.resolve(context).split()
        per = str(self.per.resolve(context)) if self.per is not None else ""
        key = pagecache.fragment_key(request, self.name.resolve(context), depends_on, per=per)
        if key is None:
            return self.nodelist.render(context)
        html = _local.get(key)
        if html is not None:
            return html
        try:
            html = cache.get(key)
        except Exception:
            logger.exception("Seiten-Cache nicht erreichbar")
            return self.nodelist.render(context)
        if html is None:
            html = self.nodelist.render(context)
            try:
                cache.set(key, html, timeout=pagecache.fragment_timeout(request))
            except Exception:
                logger.exception("Seiten-Cache nicht erreichbar")
        _remember(key, html)
        return html


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (3, 4):
        raise template.TemplateSyntaxError(
            '{% fragment "name" "apps it shows" [what else it differs by] %}'
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    per = parser.compile_filter(bits[3]) if len(bits) == 4 else None
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), per
    )
