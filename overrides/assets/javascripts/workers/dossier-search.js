/*
 * The dossier's search worker: Material's search box and result list, over the index the generator built
 * (generator/site/search_index.py). It speaks Material's worker messages (SETUP 0 -> READY 1, QUERY 2 ->
 * RESULT 3, each result a list of [page, ...sections] items whose title, text and tags Material inserts
 * as HTML), and loads only the files a query needs: the manifest and the pages' titles once, then the
 * postings of the query's words and the passages of the first results. Nothing is indexed in the browser.
 *
 * Hosted, it is a Web Worker and fetches JSON (cached by the browser, so the next page loads nothing
 * again). Opened from disk, Material runs it in an iframe (iframe-worker) where fetch cannot read files:
 * there it loads the same data as script files, which call self.__dossierSearch(name, data).
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var RESULTS = 200;          /* pages listed at most */
  var QUOTED = 12;            /* the first results show their best passages */
  var PREFIXES = 40;          /* words a query word may complete to */
  var SNIPPET = 220;          /* characters of a passage shown */
  var NAME_MATCH = 1000;      /* a page whose name (or other spelling) is the query comes first */

  var inFrame = typeof parent !== "undefined" && parent !== self && "IFrameWorker" in parent;
  var own = inFrame ? document.querySelector("script[src]").src : self.location.href;
  var folder = new URL("../../../search/dossier/", own).href;
  var mode = inFrame ? "script" : "fetch";
  var arrived = {};
  var loading = {};
  var fold = {}, stop = {}, folded = /$^/gu;
  var manifest = null, pages = null, names = null, vocabulary = null;
  var latest = 0;

  self.__dossierSearch = function (name, data) { arrived[name] = data; };
  /* A Web Worker has a thread of its own: it reads the manifest and titles at once, while the page loads.
     In an iframe (the bundle from disk) it shares the page's, and waits until the reader opens search. */
  if (!inFrame) setTimeout(function () { ready().catch(function (error) { console.warn(error); }); });

  function stem(file) { return file.replace(/\.(json|js)$/, ""); }

  function received(file) {
    var name = stem(file), data = arrived[name];
    delete arrived[name];
    if (data === undefined) throw new Error("search: no data in " + file);
    return data;
  }

  function viaScript(file) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement("script");
      element.src = folder + file;
      element.onload = function () {
        element.remove();
        try { resolve(received(file)); } catch (error) { reject(error); }
      };
      element.onerror = function () { element.remove(); reject(new Error("search: cannot load " + file)); };
      (document.head || document.body).appendChild(element);
    });
  }

  function viaFetch(file, fresh) {
    return fetch(folder + file, fresh ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error("search: " + file + " " + response.status);
      return response.json();
    });
  }

  function load(file, fresh) {
    if (!loading[file]) {
      var promise;
      if (mode === "script") promise = viaScript(file);
      else if (mode === "import") promise = Promise.resolve().then(function () {
        importScripts(folder + file);
        return received(file);
      });
      else promise = viaFetch(file, fresh);
      loading[file] = promise.catch(function (error) { delete loading[file]; throw error; });
    }
    return loading[file];
  }

  /* The manifest (the hosted site's JSON, or an offline bundle's scripts served over HTTP), then every
     page's title, kind, summary and names. */
  function ready() {
    if (manifest) return Promise.resolve();
    var first = mode === "script" ? load("manifest.js") : load("manifest.json", true).catch(function () {
      mode = "import";
      return load("manifest.js");
    });
    return first.then(function (data) {
      if (data.version !== 1) throw new Error("search: unknown index version " + data.version);
      fold = data.fold; stop = {};
      folded = new RegExp("[" + Object.keys(fold).join("") + "]", "gu");
      data.stop.forEach(function (word) { stop[word] = true; });
      return load(data.meta).then(function (meta) {
        var byId = {}, phrases = {}, words = {};
        meta.docs.forEach(function (doc) {
          var page = { id: doc[0], location: doc[1], title: doc[2], kind: data.kinds[doc[3]], summary: doc[4] };
          byId[page.id] = page;
          doc[5].forEach(function (phrase) {  /* its names, folded as search words by the generator */
            phrase.split(" ").forEach(function (word) { words[word] = true; });
            (phrases[phrase] = phrases[phrase] || []).push(page.id);
          });
        });
        pages = byId; names = phrases; vocabulary = Object.keys(words);
        manifest = data;
      });
    });
  }

  /* As generator/text/search_terms.py folds: NFKD, lowercase, marks and tatweel dropped, the table. */
  function foldText(text) {
    var plain = text.normalize("NFKD").toLowerCase();
    if (/^[\x00-\x7f]*$/.test(plain)) return plain;
    return plain.replace(/[\p{M}\u0640]/gu, "").replace(folded, function (char) { return fold[char]; });
  }

  function terms(text) {
    return (foldText(text).match(/[\p{L}\p{N}]{2,}/gu) || []).filter(function (word) { return !stop[word]; });
  }

  function shardKey(word) { return Array.from(word).slice(0, 2).join(""); }

  function shard(key) {
    var file = manifest.shards[key];
    return file ? load(file).then(function (data) {
      if (!data.sorted) data.sorted = Object.keys(data.terms).sort();
      return data;
    }) : Promise.resolve(null);
  }

  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (b.length > a.length) j++;
      else if (a[i + 1] === b[j] && a[i] === b[j + 1] && a.length === b.length) { i += 2; j += 2; }
      else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  /* A query word's candidates: [shard, word, factor]: the word itself, the words it begins, and, when
     neither is there, a word one letter away (a typo) among the words of its shard and of the names. */
  function candidates(word) {
    var key = shardKey(word);
    return shard(key).then(function (data) {
      var found = [];
      if (data) {
        if (data.terms[word]) found.push([data, word, 1]);
        if (word.length >= 2) {
          var list = data.sorted, low = 0, high = list.length;
          while (low < high) { var mid = (low + high) >> 1; if (list[mid] < word) low = mid + 1; else high = mid; }
          for (var i = low; i < list.length && found.length < PREFIXES && list[i].startsWith(word); i++)
            if (list[i] !== word) found.push([data, list[i], 0.6]);
        }
      }
      if (found.length || Array.from(word).length < 4) return found;
      var near = {};
      if (data) data.sorted.forEach(function (term) { if (oneEditApart(term, word)) near[term] = data; });
      var elsewhere = vocabulary.filter(function (term) { return !near[term] && oneEditApart(term, word); });
      return Promise.all(elsewhere.map(function (term) {
        return shard(shardKey(term)).then(function (other) { if (other && other.terms[term]) near[term] = other; });
      })).then(function () {
        return Object.keys(near).sort().map(function (term) { return [near[term], term, 0.5]; });
      });
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (char) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[char];
    });
  }

  /* The text escaped, each word that folds to a hit marked, as Material marks its own results. */
  function marked(text, hits) {
    var out = "", last = 0, pattern = /[\p{L}\p{N}\p{M}\u0640]+/gu, match;
    while ((match = pattern.exec(text))) {
      var hit = terms(match[0]).some(function (word) { return hits[word]; });
      if (!hit) continue;
      out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>";
      last = match.index + match[0].length;
    }
    return out + escapeHtml(text.slice(last));
  }

  function hitsIn(text, hits) {
    var seen = {}, count = 0;
    terms(text).forEach(function (word) { if (hits[word]) { count++; seen[hits[word]] = true; } });
    return [Object.keys(seen).length, count];
  }

  /* Some SNIPPET characters of a passage around its first hit, on word boundaries. */
  function excerpt(text, hits) {
    if (text.length <= SNIPPET) return marked(text, hits);
    var pattern = /[\p{L}\p{N}\p{M}\u0640]+/gu, match, at = 0;
    while ((match = pattern.exec(text))) {
      if (terms(match[0]).some(function (word) { return hits[word]; })) { at = match.index; break; }
    }
    var start = Math.max(0, at - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + marked(text.slice(start, end), hits) + (end < text.length ? " …" : "");
  }

  function chunkOf(id) {
    return manifest.chunks[parseInt(id, 16) % manifest.chunks.length];
  }

  function result(page, score, queryTerms, hits, blocks) {
    var head = { location: page.location, title: marked(page.title, hits), text: marked(page.summary, hits),
                 tags: [page.kind], score: score, terms: queryTerms };
    var items = [head];
    if (!blocks) return items;
    var ranked = blocks.map(function (block, order) { return [hitsIn(block[2] + " " + block[1], hits), order, block]; })
      .filter(function (entry) { return entry[0][1] > 0; })
      .sort(function (a, b) { return b[0][0] - a[0][0] || b[0][1] - a[0][1] || a[1] - b[1]; })
      .slice(0, 4);
    ranked.forEach(function (entry, order) {
      var block = entry[2];
      items.push({ location: page.location + (block[0] ? "#" + block[0] : ""), title: escapeHtml(block[1]),
                   text: excerpt(block[2], hits), score: order === 0 ? score : score * 0.999, terms: queryTerms });
    });
    return items;
  }

  /* `current()` is false once a newer query came: its passages are not loaded for nothing. */
  function search(query, current) {
    var words;
    return ready().then(function () {
      words = Array.from(new Set(terms(query)));  /* folded with the manifest's table */
      return words.length && current() ? Promise.all(words.map(candidates)) : [];
    }).then(function (perWord) {
      if (!perWord.length || !current() || perWord.some(function (found) { return !found.length; }))
        return { items: [] };
      var total = manifest.pages, scores = {}, matched = {}, hits = {};
      perWord.forEach(function (found, index) {
        var best = {};
        found.forEach(function (candidate) {
          var data = candidate[0], postings = data.terms[candidate[1]], df = postings.length / 2;
          var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          hits[candidate[1]] = words[index];
          for (var i = 0; i < postings.length; i += 2) {
            var id = data.docs[postings[i]], value = postings[i + 1] / 10 * idf * candidate[2];
            if (!(best[id] >= value)) best[id] = value;
          }
        });
        Object.keys(best).forEach(function (id) {
          scores[id] = (scores[id] || 0) + best[id];
          matched[id] = (matched[id] || 0) | (1 << index);
        });
      });
      var all = (1 << words.length) - 1, ids = Object.keys(scores).filter(function (id) { return matched[id] === all; });
      var partial = !ids.length;
      if (partial) ids = Object.keys(scores);
      (names[words.join(" ")] || []).forEach(function (id) { if (scores[id] !== undefined) scores[id] += NAME_MATCH; });
      ids = ids.filter(function (id) { return pages[id]; }).sort(function (a, b) {
        var byMatched = partial ? popcount(matched[b]) - popcount(matched[a]) : 0;
        return byMatched || scores[b] - scores[a] || (pages[a].location < pages[b].location ? -1 : 1);
      }).slice(0, RESULTS);
      var top = current() ? ids.slice(0, QUOTED) : [];
      var files = Array.from(new Set(top.map(chunkOf).filter(Boolean)));
      return Promise.all(files.map(function (file) { return load(file); })).then(function (chunks) {
        var passages = {};
        chunks.forEach(function (chunk) { Object.assign(passages, chunk); });
        return {
          items: ids.map(function (id, rank) {
            var queryTerms = {};
            words.forEach(function (word, index) { queryTerms[word] = Boolean(matched[id] & (1 << index)); });
            var blocks = rank < QUOTED && passages[id] && passages[id].length ? passages[id] : null;
            return result(pages[id], scores[id], queryTerms, hits, blocks);
          })
        };
      });
    });
  }

  function popcount(value) { var count = 0; while (value) { count += value & 1; value >>= 1; } return count; }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      postMessage({ type: READY });
      ready().catch(function (error) { console.warn(error); });
    } else if (message.type === QUERY) {
      var sequence = ++latest;
      search(message.data, function () { return sequence === latest; }).catch(function (error) {
        console.warn(error);
        return { items: [] };
      }).then(function (data) {
        if (sequence === latest) postMessage({ type: RESULT, data: data });
      });
    }
  });
})();
