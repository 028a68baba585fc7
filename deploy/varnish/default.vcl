# Varnish 7 in front of Code Velocity (Debian: apt-get install varnish varnish-modules).
#
# Pages are cached for the s-maxage the site sends (CACHE_S_MAXAGE) and filed under the keys in
# their `xkey` header; the site purges by key after every change (PURGE=varnish,
# PURGE_VARNISH_URLS=http://this-varnish:6081/). See docs/deploy.md.
vcl 4.1;

import std;
import xkey;

# The site: one web node, or the nginx that balances several. Adjust host and port.
backend velocity {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the machines running `velocity serve` or `velocity worker`. Add their networks.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from here"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "An xkey-purge header with the keys to purge is required"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, the APIs, previews, newsletter forms and the locale choice at / depend on the
    # visitor (as does anything sent with credentials); the site marks them private or no-store
    # too, this only spares the lookup.
    if (req.url ~ "^/(admin|api|preview)(/|\?|$)" || req.url ~ "^/[^/]+/newsletter" || req.url ~ "^/(\?|$)"
        || req.http.authorization) {
        return (pass);
    }
    # Every other page is the same for every reader: cookies must not split or bypass the cache.
    unset req.http.cookie;
    # While the site is healthy, a stale page is served only for the stale-while-revalidate
    # window; when it is down, for as long as the page's stale-if-error allows (see below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 300s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Varnish reads s-maxage for the TTL itself; stale-if-error becomes the grace an object
    # keeps for when the site cannot answer.
    if (beresp.http.cache-control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.cache-control, "^.*stale-if-error=([0-9]+).*$", "\1s"), beresp.grace);
    }
    # A missing or withdrawn page carries no key a later publish would purge: kept, it would hide
    # the story once it goes live. Such answers are passed on and never stored. (A 301 for a moved
    # story is stored: it carries the story's key, which the story's next change purges.)
    if (beresp.status == 404 || beresp.status == 410) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A failed fetch is not stored: the stale copy stays and is served instead.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else {
        set resp.http.x-cache = "MISS";
    }
    # The keys are for this cache only (a CDN in front of Varnish reads Surrogate-Key or Cache-Tag).
    unset resp.http.xkey;
    unset resp.http.x-varnish;
}
