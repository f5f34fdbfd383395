// Labels drawn by the page, not by vis-network: a fixed size on screen at every zoom (vis'
// own labels shrink with the view), placed by rank and left out where they would overlap a
// label or node already there, so zooming in makes room for more. Settings: LABELS in
// kg/viz.py. Text is drawn with fillText: article text never becomes markup here either.
// Each frame's labels are left in window.kgLabels ({kind, id, text, size, x, y, w, h}, CSS px
// relative to the canvas) for tests and for anyone debugging a crowded picture.
function kgLabelLayer(network, container, DATA, state) {
  "use strict";
  var L = DATA.labels;
  var order = DATA.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  var rankOf = {}, byId = {};
  order.forEach(function (n) { rankOf[n.id] = n.rank; byId[n.id] = n; });
  var edgeOrder = DATA.edges.slice().sort(function (a, b) {
    return Math.min(rankOf[a.from], rankOf[a.to]) - Math.min(rankOf[b.from], rankOf[b.to]);
  });
  var widths = {};
  var CELL = 64, GAP = 4;

  function font(size, bold) { return (bold ? "600 " : "") + size + "px " + L.face; }
  function width(ctx, text, size, bold) {
    var key = size + (bold ? "b" : "") + "|" + text;
    if (!(key in widths)) { ctx.font = font(size, bold); widths[key] = ctx.measureText(text).width; }
    return widths[key];
  }

  // a coarse grid of occupied rectangles, so each test only looks at its neighbours
  function Grid() { this.cells = new Map(); }
  Grid.prototype.add = function (r) {
    for (var gx = Math.floor(r.x / CELL); gx <= Math.floor((r.x + r.w) / CELL); gx++)
      for (var gy = Math.floor(r.y / CELL); gy <= Math.floor((r.y + r.h) / CELL); gy++) {
        var k = gx * 65536 + gy, list = this.cells.get(k);
        if (list) list.push(r); else this.cells.set(k, [r]);
      }
  };
  // free for a label: never over another label; over a node only when that node's rank is
  // above `cover` (a less important node), or when it is the label's own node (`self`)
  Grid.prototype.free = function (r, cover, self) {
    for (var gx = Math.floor(r.x / CELL); gx <= Math.floor((r.x + r.w) / CELL); gx++)
      for (var gy = Math.floor(r.y / CELL); gy <= Math.floor((r.y + r.h) / CELL); gy++) {
        var list = this.cells.get(gx * 65536 + gy);
        if (!list) continue;
        for (var i = 0; i < list.length; i++) {
          var o = list[i];
          if (o.rank !== undefined && (o.rank === self || o.rank > cover)) continue;
          if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) return false;
        }
      }
    return true;
  };

  function text(ctx, s, x, y, size, bold, colour) {
    ctx.font = font(size, bold);
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = L.halo;
    ctx.strokeText(s, x, y);
    ctx.fillStyle = colour;
    ctx.fillText(s, x, y);
  }

  // hovered and selected nodes, their neighbours and search hits claim room first
  function firstIds() {
    var ids = [], seen = {};
    function add(id) { if (!seen[id]) { seen[id] = 1; ids.push(id); } }
    var lead = network.getSelectedNodes().slice();
    if (state.hover !== null) lead.unshift(state.hover);
    lead.forEach(add);
    lead.forEach(function (id) { network.getConnectedNodes(id).forEach(add); });
    (state.matched || []).forEach(add);
    return { ids: ids, lead: lead };
  }

  function draw(ctx) {
    var body = network.body, scale = network.getScale();
    var W = container.clientWidth, H = container.clientHeight;
    var ratio = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
    var grid = new Grid(), drawn = [], screen = {};
    var N = L.node, E = L.edge, pad = L.pad;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var o0 = network.canvasToDOM({ x: 0, y: 0 }), o1 = network.canvasToDOM({ x: 1, y: 1 });
    var sx = o1.x - o0.x, sy = o1.y - o0.y;  // canvas → CSS px, once per frame
    function shown(id) {
      var b = body.nodes[id];
      if (!b || b.options.hidden || (state.dimmed && !state.dimmed[id])) return null;
      var p = screen[id];
      if (p === undefined)
        p = screen[id] = { x: b.x * sx + o0.x, y: b.y * sy + o0.y, r: Math.max(2, (b.options.size || 10) * scale) };
      return p;
    }
    // a node is an obstacle for the labels of less important nodes
    order.forEach(function (n) {
      var s = shown(n.id);
      if (s && s.x > -40 && s.x < W + 40 && s.y > -40 && s.y < H + 40)
        grid.add({ x: s.x - s.r, y: s.y - s.r, w: 2 * s.r, h: 2 * s.r, rank: n.rank });
    });
    var first = firstIds();
    var queue = first.ids.map(function (id) { return byId[id]; }).filter(Boolean).concat(order);
    var done = {}, count = 0, tries = 0, lead = {};
    first.lead.forEach(function (id) { lead[id] = 1; });
    for (var i = 0; i < queue.length && count < L.maxNodeLabels && tries < L.maxTries; i++) {
      var n = queue[i];
      if (done[n.id]) continue;
      done[n.id] = 1;
      var s = shown(n.id);
      if (!s || s.x < -100 || s.x > W + 100 || s.y < -40 || s.y > H + 40 || !n.name) continue;
      tries++;
      var hub = n.rank < N.hubs || lead[n.id];
      var size = hub ? N.hubSize : N.size;
      var w = Math.max(width(ctx, n.name, size, hub), n.sub ? width(ctx, n.sub, N.subSize, false) : 0) + 2 * pad;
      var h = size * 1.2 + (n.sub ? N.subSize * 1.2 : 0) + pad;
      var d = s.r * 0.7;  // below, above, right, left, then the four corners
      var spots = [[s.x - w / 2, s.y + s.r + 1], [s.x - w / 2, s.y - s.r - 1 - h],
                   [s.x + s.r + 3, s.y - h / 2], [s.x - s.r - 3 - w, s.y - h / 2],
                   [s.x + d, s.y + d], [s.x - d - w, s.y + d], [s.x + d, s.y - d - h],
                   [s.x - d - w, s.y - d - h]];
      // first a spot that covers no other node, else one that covers only lesser nodes
      for (var k = 0; k < 2 * spots.length; k++) {
        var spot = spots[k % spots.length];
        var box = { x: spot[0], y: spot[1], w: w, h: h };
        if (box.x < 0 || box.y < 0 || box.x + w > W || box.y + h > H) continue;
        var cover = k < spots.length ? Infinity : lead[n.id] ? -1 : n.rank;
        var probe = { x: box.x - GAP, y: box.y, w: w + 2 * GAP, h: h };  // a gap between labels
        if (!grid.free(probe, cover, n.rank)) continue;
        grid.add({ x: box.x, y: box.y, w: w, h: h });
        var cx = box.x + w / 2;
        text(ctx, n.name, cx, box.y + pad / 2, size, hub, N.color);
        if (n.sub) text(ctx, n.sub, cx, box.y + pad / 2 + size * 1.2, N.subSize, false, N.subColor);
        drawn.push({ kind: "node", id: n.id, text: n.sub ? n.name + " · " + n.sub : n.name, size: size,
                     x: box.x, y: box.y, w: w, h: h });
        count++;
        break;
      }
    }
    // edge labels: roles always; other relations once zoomed in or next to the node in hand
    edgeOrder.forEach(function (e) {
      if (!e.text) return;
      var near = lead[e.from] || lead[e.to];
      if (L.edgeRels.indexOf(e.rel) < 0 && scale < 1 && !near) return;
      var a = shown(e.from), b = shown(e.to), be = body.edges[e.id];
      if (!a || !b || !be || be.options.hidden) return;
      if ((a.x < 0 && b.x < 0) || (a.x > W && b.x > W) || (a.y < 0 && b.y < 0) || (a.y > H && b.y > H)) return;
      var length = Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
      if (e.textWidth === undefined) e.textWidth = width(ctx, e.text, E.size, false);
      var w = e.textWidth + 2 * pad, h = E.size * 1.2 + pad;
      if (length < w * 0.8 + a.r + b.r + 6 && !near) return;
      var mid;
      try { mid = network.canvasToDOM(be.edgeType.getPoint(0.5)); }
      catch (err) { mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }; }
      var box = { x: mid.x - w / 2, y: mid.y - h / 2, w: w, h: h };
      var cover = near ? -1 : Math.max(rankOf[e.from], rankOf[e.to]);
      if (box.x < 0 || box.y < 0 || box.x + w > W || box.y + h > H || !grid.free(box, cover)) return;
      grid.add(box);
      text(ctx, e.text, mid.x, box.y + pad / 2, E.size, false, E.color);
      drawn.push({ kind: "edge", id: e.id, text: e.text, size: E.size, x: box.x, y: box.y, w: w, h: h });
    });
    ctx.restore();
    window.kgLabels = drawn;
  }

  network.on("afterDrawing", draw);
  network.on("hoverNode", function (p) { state.hover = p.node; network.redraw(); });
  network.on("blurNode", function () { state.hover = null; network.redraw(); });
}
