// TopoJSON → GeoJSON for the offline basemap (world-atlas, Natural Earth): enough of
// topojson-client's `feature` for Polygon/MultiPolygon objects, so no extra package is needed.
export function topoFeatures(topo, name) {
  const tf = topo.transform;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((p) => {
      if (!tf) return [p[0], p[1]];
      x += p[0]; y += p[1];
      return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
    });
  });
  const arcPoints = (i) => (i < 0 ? arcs[~i].slice().reverse() : arcs[i]);
  const ring = (ids) => {
    const out = [];
    ids.forEach((i, k) => { const pts = arcPoints(i); out.push(...(k ? pts.slice(1) : pts)); });
    return out;
  };
  const geometry = (g) => {
    if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.arcs.map(ring) };
    if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) };
    return null;
  };
  const obj = topo.objects[name];
  const geoms = obj.type === 'GeometryCollection' ? obj.geometries : [obj];
  return {
    type: 'FeatureCollection',
    features: geoms.map((g) => ({ type: 'Feature', id: g.id, properties: g.properties || {}, geometry: geometry(g) }))
      .filter((f) => f.geometry),
  };
}
