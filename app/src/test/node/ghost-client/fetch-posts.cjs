// Reads Broadsheet through the official Ghost Content API client and prints what it got as one
// JSON object on stdout, for GhostContentApiTest to check. Arguments come from the environment:
// GHOST_URL, GHOST_KEY, GHOST_TAG, GHOST_PRIMARY_TAG, GHOST_AUTHOR, GHOST_SLUG.
const GhostContentAPI = require('@tryghost/content-api');

const env = process.env;
const api = new GhostContentAPI({url: env.GHOST_URL, key: env.GHOST_KEY, version: 'v5.0'});
const stranger = new GhostContentAPI({url: env.GHOST_URL, key: 'ffffffffffffffffffffffffff', version: 'v5.0'});

function plain(list) {
    return {items: Array.from(list), meta: list.meta || null};
}

async function failure(promise) {
    try {
        await promise;
        return null;
    } catch (err) {
        return {name: err.name, message: err.message, status: err.response ? err.response.status : null};
    }
}

async function main() {
    const byTag = `tag:${env.GHOST_TAG}`;
    const out = {
        firstPage: plain(await api.posts.browse({filter: byTag, limit: 2, page: 1, include: 'tags,authors'})),
        secondPage: plain(await api.posts.browse({filter: byTag, limit: 2, page: 2, include: 'tags,authors'})),
        primaryTag: plain(await api.posts.browse({filter: `primary_tag:${env.GHOST_PRIMARY_TAG}`, limit: 15})),
        authorAndTag: plain(await api.posts.browse({filter: `author:${env.GHOST_AUTHOR}+${byTag}`, limit: 15, include: 'authors'})),
        oldestFirst: plain(await api.posts.browse({filter: byTag, limit: 1, order: 'published_at asc'})),
        one: await api.posts.read({slug: env.GHOST_SLUG}, {include: 'tags,authors'}),
        tags: plain(await api.tags.browse({limit: 'all', include: 'count.posts'})),
        authors: plain(await api.authors.browse({limit: 'all'})),
        pages: plain(await api.pages.browse()),
        settings: await api.settings.browse(),
        badKey: await failure(stranger.posts.browse({limit: 1})),
        badFilter: await failure(api.posts.browse({filter: 'featured:true'})),
    };
    process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
    process.stderr.write(`${err.name}: ${err.message}\n`);
    process.exit(1);
});
