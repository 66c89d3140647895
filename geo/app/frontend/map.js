// newsmap's map in the Streamlit page: a frame that keeps one Leaflet map (the base: Leaflet,
// the outlines, the map's rules) and swaps the story's layer groups on it, without loading the
// page again; a click on the map is sent back to the page. What it runs is what the server's
// renderer made (geo.app.mapview): article text reaches it as JSON data inside those scripts.
(function () {
  "use strict";

  var shown = { base: null, story: null };
  var story = { layers: [], nodes: [] };
  var baseNodes = [];
  var loaded = {};
  var queue = Promise.resolve();

  function send(type, fields) {
    var message = { isStreamlitMessage: true, type: type };
    Object.keys(fields).forEach(function (k) { message[k] = fields[k]; });
    window.parent.postMessage(message, "*");
  }

  function map() { return window[shown.mapName]; }

  // a part's head (scripts by address, inline scripts, styles) into the page, in order: a
  // script waits for the one before it; an address already loaded is not loaded again
  function addHead(text, nodes) {
    var parsed = new DOMParser().parseFromString("<head>" + text + "</head>", "text/html");
    var work = Promise.resolve();
    Array.prototype.forEach.call(parsed.head.children, function (node) {
      work = work.then(function () {
        var tag = node.tagName;
        if (tag === "SCRIPT" && node.src) {
          if (loaded[node.src]) { return loaded[node.src]; }
          loaded[node.src] = new Promise(function (done, failed) {
            var script = document.createElement("script");
            script.src = node.src;
            script.onload = done;
            script.onerror = function () { failed(new Error("could not load " + node.src)); };
            document.head.appendChild(script);
          });
          return loaded[node.src];
        }
        if (tag === "LINK" && loaded[node.href]) { return null; }
        if (tag === "LINK") { loaded[node.href] = Promise.resolve(); }
        if (tag === "SCRIPT" || tag === "STYLE" || tag === "LINK") {
          var copy = document.createElement(tag);
          Array.prototype.forEach.call(node.attributes, function (a) {
            copy.setAttribute(a.name, a.value);
          });
          copy.textContent = node.textContent;
          document.head.appendChild(copy);
          if (tag !== "LINK") { nodes.push(copy); }
        }
        return null;
      });
    });
    return work;
  }

  function addBody(text, nodes) {
    var parsed = new DOMParser().parseFromString("<body>" + text + "</body>", "text/html");
    Array.prototype.slice.call(parsed.body.childNodes).forEach(function (node) {
      var copy = document.importNode(node, true);
      document.body.appendChild(copy);
      nodes.push(copy);
    });
  }

  function runScript(text, nodes) {
    var script = document.createElement("script");
    script.textContent = text;
    document.body.appendChild(script);
    nodes.push(script);
  }

  function dropStory() {
    var m = map();
    story.layers.forEach(function (layer) {
      if (!m || !layer) { return; }
      if (layer instanceof L.Control) { m.removeControl(layer); } else { m.removeLayer(layer); }
    });
    story.nodes.forEach(function (node) { node.remove(); });
    story = { layers: [], nodes: [] };
  }

  function setBase(args) {
    dropStory();
    if (map()) { map().remove(); }
    baseNodes.forEach(function (node) { node.remove(); });
    baseNodes = [];
    shown.mapName = args.map_name;
    return addHead(args.base.head, baseNodes).then(function () {
      addBody(args.base.html, baseNodes);
      runScript(args.base.script, baseNodes);
      map().on("click", function (e) {
        var at = { lat: e.latlng.lat, lng: e.latlng.lng };
        send("streamlit:setComponentValue", { value: { last_clicked: at }, dataType: "json" });
      });
      shown.base = args.base_key;
      shown.story = null;
    });
  }

  function setStory(args) {
    dropStory();
    var nodes = [];
    return addHead(args.story.head, nodes).then(function () {
      addBody(args.story.html, nodes);
      // the story's script in a function of its own: it names the base map, and hands back
      // what it added to it, to be taken off for the next story
      var layers = new Function(args.story.script)();
      story = { layers: layers, nodes: nodes };
      shown.story = args.story_key;
    });
  }

  function render(message) {
    var args = {};  // the base's and the story's parts come as JSON text
    Object.keys(message).forEach(function (k) { args[k] = message[k]; });
    args.base = JSON.parse(message.base);
    args.story = JSON.parse(message.story);
    send("streamlit:setFrameHeight", { height: args.height });
    var work = Promise.resolve();
    if (args.base_key !== shown.base) { work = work.then(function () { return setBase(args); }); }
    return work.then(function () {
      if (args.story_key !== shown.story) { return setStory(args); }
      return null;
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "streamlit:render" || event.source !== window.parent) { return; }
    queue = queue.then(function () { return render(data.args); }).catch(function (error) {
      console.error("newsmap map:", error);
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    send("streamlit:componentReady", { apiVersion: 1 });
  });
})();
