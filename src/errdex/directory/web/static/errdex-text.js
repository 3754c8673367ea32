/* errdex-text.js: the search text layer of errdex (errdex.directory.tokenize and
 * errdex.directory.snippet) for the static site, giving the same terms, stems,
 * keys, marks and snippets as the Python server.
 *
 * Python semantics kept here, on purpose:
 * - offsets (spans, snippet marks, the 256-character query cut, the 160-character
 *   snippet window) count code points, as Python strings do, not UTF-16 units;
 *   unitMarks() converts marks to UTF-16 offsets for slicing a JS string;
 * - character classes (letters and digits, white space, case, combining marks,
 *   what NFKD changes) come from the generated tables below, taken from Python's
 *   unicodedata, not from the browser's own (newer) Unicode data;
 * - stem() is the Snowball English (Porter2) stemmer as PyStemmer runs it, and
 *   stems only what tokenize.stem stems (three or more ASCII letters).
 *
 * Plain browser JavaScript, no dependencies: window.ErrdexText, or module.exports
 * under node.
 */
(function (root) {
  "use strict";

  /* BEGIN GENERATED TABLES: python -m errdex.directory.web.texttables */
  var TABLES = {
    UNICODE: "14.0.0",
    WORD: "1c.9,7.p,6.p,1b.0,7.1,1.0,3.1,1.2,1.m,1.u,1.cp,4.b,e.4,7.0,1.0,3l.4,1.1,2.3,1.0,6.0,1.2,1.0,1.j,1.2a,1.3u,8.4l,1.11,2.0,6.14,1z.q,4.3,19.16,l.9,4.1,1.2q,1.0,f.1,7.e,2.0,g.0,1.t,t.2g,b.0,e.16,9.1,4.0,5.l,4.0,9.0,3.0,n.o,7.a,5.n,1.5,h.15,1m.1h,3.0,i.0,7.9,4.9,1.f,4.7,2.1,2.l,1.6,1.0,3.3,3.0,g.0,d.1,1.2,4.b,2.5,2.0,8.5,4.1,2.l,1.6,1.1,1.1,1.1,v.3,1.0,7.9,2.2,g.8,1.2,1.l,1.6,1.1,1.4,3.0,i.0,f.1,4.9,9.0,b.7,2.1,2.l,1.6,1.1,1.4,3.0,u.1,1.2,4.9,1.6,b.0,1.5,3.2,1.3,3.1,1.0,1.1,3.1,3.2,3.b,m.0,l.c,i.7,1.2,1.m,1.f,3.0,q.2,2.0,2.1,4.9,8.6,1.0,4.7,1.2,1.m,1.9,1.4,3.0,v.1,1.1,4.9,1.1,h.8,1.2,1.14,2.0,g.0,5.2,1.9,4.i,1.5,5.h,3.n,1.8,1.0,2.6,v.9,h.1b,1.1,c.6,9.9,13.1,1.0,1.4,1.n,1.0,1.9,1.1,9.0,2.4,1.0,9.9,2.3,w.0,v.j,c.7,1.z,r.4,37.16,k.a,6.5,4.3,3.0,3.1,7.2,4.c,c.0,1.9,6.11,1.0,5.0,2.16,1.98,1.3,2.6,1.0,1.3,2.14,1.3,2.w,1.3,2.6,1.0,1.3,2.e,1.1k,1.3,2.1u,e.j,3.f,g.2d,2.5,3.h7,2.g,1.p,5.22,3.a,7.h,d.i,e.h,e.c,1.2,f.1f,z.0,4.0,3.9,6.9,m.9,6.2g,7.4,2.x,1.0,5.1x,a.u,13.13,2.4,b.17,4.p,6.a,11.m,9.1g,17.9,6.9,d.0,2l.1a,h.7,3.9,15.t,d.1j,q.z,s.9,3.1c,2.8,7.16,2.2,15.3,1.5,1.1,3.0,5.5b,1s.7p,2.5,2.11,2.5,2.7,1.0,1.0,1.0,1.u,2.1g,1.6,1.0,3.2,1.6,3.3,2.5,4.c,5.2,1.6,37.1,2.5,5.a,6.c,2t.0,4.0,2.9,1.0,3.4,6.0,1.0,1.0,1.3,1.a,2.3,5.4,4.0,1.1l,k6.1n,26.l,hi.t,vg.6c,6.3,3.1,9.0,2.11,1.0,5.0,2.1j,7.0,g.m,9.6,1.6,1.6,1.6,1.6,1.6,1.6,1.6,28.0,d1.2,p.8,7.4,2.4,5k.16,1.2l,3.3,a.v,1c.f,w.9,u.7,1.e,w.9,13.e,lkw.wc,1v.19,2.7g,3.r,k.1a,g.u,2.27,13.8,2.2u,2.1r,5.1,1.0,1.4,o.f,1.2,1.3,1.m,d.5,a.1f,e.1d,s.9,o.5,3.0,1.1,1.11,a.m,p.s,7.1a,s.a,6.4,1.o,1.14,n.2,1.7,4.9,6.m,3.0,3.1d,1.0,3.1,2.4,2.0,1.0,o.2,2.a,7.2,c.5,2.5,2.5,9.6,1.6,1.16,1.d,6.36,d.9,8mu.m,4.1c,6x0.6,c.4,5.0,1.9,1.c,1.4,1.0,1.1,1.1,1.2z,x.a2,i.1r,2.1h,14.b,38.4,1.3q,j.9,7.p,6.p,b.2g,3.5,2.5,2.5,2.2,z.b,1.p,1.i,1.1,1.e,2.d,y.3e,c.18,c.1k,h.1,6s.s,3.1c,g.q,4.z,9.t,5.11,a.t,2.z,4.7,1.4,16.4d,2.9,6.z,4.z,4.13,8.1f,c.a,1.e,1.6,1.1,1.a,1.e,1.6,1.1,1v.8m,9.l,a.7,o.5,1.15,1.8,1x.5,2.0,1.17,1.1,3.0,2.m,2.u,2.11,8.8,1c.i,1.1,5.w,4.p,1y.1j,4.j,2.1a,f.3,1.2,1.s,a.8,n.u,1.v,w.7,1.r,6.4,g.1h,a.l,2.q,5.p,n.6,28.20,1j.1e,d.1e,7.15,c.9,86.u,1.15,6.1,26.13,8.l,b.3,r.h,1a.r,k.m,c.1g,q.t,1.1,2.0,d.18,w.o,7.9,9.z,f.9,4.0,2.0,8.y,3.0,c.1b,e.3,b.a,1.0,4.j,b.h,1.o,2c.6,1.0,1.3,1.e,1.9,7.1a,h.9,b.7,2.1,2.l,1.6,1.1,1.4,3.0,i.0,c.4,4e.1g,i.3,5.9,5.2,u.1b,k.1,1.0,8.9,4m.1a,15.3,10.1b,k.0,b.9,12.16,d.0,7.9,1i.q,l.b,4.6,55.17,38.2a,c.7,2.0,2.7,1.1,1.n,f.0,1.0,e.9,1y.7,2.12,g.0,1.0,s.0,a.13,7.0,l.0,b.19,j.0,i.20,7b.8,1.10,h.0,f.s,5.t,34.6,1.1,1.11,l.0,9.9,6.5,1.1,1.v,e.0,7.9,8m.i,59.0,f.k,17.pl,2u.32,h.5f,218.2o,f.tq,34h.g6,6nt.fs,7.u,1.9,6.26,1.9,6.t,i.1b,g.3,c.9,1.6,1.k,5.i,j4.2e,2x.22,5.0,1u.c,1s.1,1.0,s.4qf,8.yd,16.8,6w7.3,1.6,1.1,1.82,19.2,h.3,8.az,1s4.2y,5.c,3.8,7.9,4ee.j,30.o,3r.2c,1.1y,1.1,2.0,2.1,2.3,1.b,1.0,1.6,1.1s,1.3,2.7,1.6,1.r,1.3,1.4,1.0,3.6,1.9f,2.o,1.o,1.u,1.o,1.u,1.o,1.u,1.o,1.u,1.o,1.7,2.1d,1ds.u,dd.18,a.6,2.9,4.0,8x.t,i.17,4.9,yu.6,1.3,1.1,1.e,1.5g,2.8,1c.1v,7.0,4.9,lz.1m,1.2,1.3,24.18,1.e,5e.3,1.q,1.1,1.0,2.0,1.9,1.3,1.0,1.0,6.0,4.0,1.0,1.0,1.2,1.1,1.0,2.0,1.0,1.0,1.0,1.0,1.1,1.0,2.3,1.6,1.3,1.3,1.0,1.9,1.g,5.2,1.4,1.g,g4.c,25f.9,1ds6.f1,15u.3t6",
    CJK: "9j4.5b,lc.533,1s.g73,2dc.8mn,6kw.e7,1fk0.1alr",
    CJK_WORD: "9j5.2d,6.2,1.2h,1.3,lc.533,1s.g73,2dc.8mb,6l8.a5,2.2x,1fl2.wyn,w.37c,7.65,2.4g1,e.5rk",
    SPACE: "9.4,e.4,2s.0,q.0,4bj.0,1vj.a,t.1,5.0,1b.0,334.0",
    DECOMP: "4g.0,7.0,1.0,4.0,2.3,2.2,1.2,1.5,1.8,1.5,2.4,2.5,1.8,1.5,2.4,1.g,2.j,2.8,1.5,1.7,2.6,2.5,2.h,2.n,w.1,d.1,j.o,1.5,2.f,2.z,2.1,6.d,3g.8,v.5,2.4,2j.1,1.1,1b.0,5.0,3.0,5.6,1.0,1.2,p.6,p.4,1.6,p.2,1.1,3.0,6.1,1.0,3.0,4.2,a.0,v.0,m.1,1.0,3.0,4.2,n.1,21.1,d.3,2.1,2.5,2.5,2.b,2.1,3x.0,4a.4,26.3,1z.0,1.0,g.0,gl.0,7.0,2.0,z.7,2z.1,f.1,1.0,2b.0,2.0,y.2,2.0,6h.0,2.1,f.1,1i.0,1h.2,3f.0,3b.0,6.1,1.1,3i.2,3x.0,1.2,2c.0,3j.0,14.1,1a.0,1i.0,9.0,4.0,4.0,4.0,c.0,9.0,1.4,7.0,h.0,9.0,4.0,4.0,4.0,c.0,30.0,5x.0,1zd.0,1.0,1.0,1.0,1.0,3.0,14.0,1.0,2.1,1.0,dk.2,1.a,1.h,1.r,d.0,y.10,1s.4b,4.2h,6.l,2.5,2.11,2.5,2.7,1.0,1.0,1.0,1.u,2.1g,1.e,1.d,2.5,1.i,2.2,1.8,1.a,6.0,5.0,c.2,8.0,3.1,1.1,4.0,1.0,8.2,d.0,7.0,g.1,2.q,1.c,b.0,2f.3,1.2,1.a,1.1,2.4,2.2,1.0,1.0,1.0,1.3,1.2,1.6,1.5,4.4,6.1b,9.0,g.1,i.0,u.2,1g.0,4.0,2.0,n.0,1.0,5.1,1.1,g.0,2.0,2.0,1.0,m.0,1.0,a.4,2.1,2.1,6.1,2.1,2.1,y.3,1c.3,6.3,1n.1,8l.3u,10h.0,2v.2,2t.0,bj.1,6p.0,8f.0,2b.0,c.5x,16.0,1h.0,1.2,h.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,2.0,1.0,1.0,6.1,1.1,1.1,1.1,1.1,m.0,6.1,1.1,c.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,2.0,1.0,1.0,6.1,1.1,1.1,1.1,1.1,m.0,2.3,3.1,1d.2l,3.d,2o.u,1.13,8.1a,1.an,mn0.1,5u.0,3l.2,3.1,o2.3,9.0,46.8mb,6l8.7h,2.0,1.0,2.9,1.0,1.0,2.1,3.1v,2.2x,12.6,c.4,5.0,1.n,1.4,1.0,1.1,1.1,1.2z,x.a2,i.1r,2.1h,14.c,j.9,m.k,2.b,1.i,1.3,4.2,1.0,1.3q,4.59,3.5,2.5,2.5,2.2,3.6,1.6,1hu.4,1.15,1.8,1r3.0,1.0,e.0,3m.1,ez.1,a6.1,1.0,6z.1,os.0,10dh.6,2e.5,fz.2c,1.1y,1.1,2.0,2.1,2.3,1.b,1.0,1.6,1.1s,1.3,2.7,1.6,1.r,1.3,1.4,1.0,3.6,1.9f,2.83,2.1d,4cg.3,1.q,1.1,1.0,2.0,1.9,1.3,1.0,1.0,6.0,4.0,1.0,1.0,1.2,1.1,1.0,2.0,1.0,1.0,1.0,1.0,1.1,1.0,2.3,1.6,1.3,1.3,1.0,1.9,1.g,5.2,1.4,1.g,g4.a,5.u,1.v,q.2,z.0,33.2,d.17,4.8,7.1,1we.9,1ds6.f1",
    COMBINING: "lc.26,1.v,7n.4,7d.18,1.0,1.1,1.1,1.0,20.a,1c.k,g.0,2t.6,2.5,2.1,1.3,z.0,u.q,4g.8,9.0,o.3,1.8,1.2,1.4,17.2,1o.7,16.n,1.s,1o.0,g.0,3.3,2v.0,g.0,1c.0,1p.0,g.0,32.0,g.0,32.0,g.0,3j.0,32.0,g.0,7.1,2t.0,g.0,31.1,g.0,3g.0,31.2,d.3,30.2,d.3,24.1,r.0,1.0,1.0,1j.1,1.0,5.3,2.0,1.2,1.1,1q.0,34.0,1.1,2a.0,jz.2,qc.1,u.0,4d.0,a.0,5n.0,3z.2,63.1,1z.0,k.7,2.0,1c.d,1.f,2t.0,f.0,12.8,1i.1,1m.0,b.1,1v.0,48.2,1.c,1.6,4.0,6.0,3.1,5i.1r,k0.c,4.0,3.b,2da.2,3x.0,2o.v,fe.5,2x.1,n9w.0,4.9,w.1,28.1,7o.0,11.0,47.0,r.h,1l.2,11.0,2n.0,c.0,6n.0,1.2,2.1,5.1,1.0,1g.0,6u.0,fn4.0,ld.f,r1.0,6a.0,45.4,1aq.0,1.0,14.2,4.0,4l.1,fx.3,ar.1,49.a,1d.3,5c.0,15.0,e.0,1l.1,1x.2,1c.1,1q.0,24.0,9.0,2y.1,4y.1,28.1,g.0,o.6,3.4,5p.0,3.0,n.0,2r.1,6z.1,3i.0,3a.1,37.0,7h.1,76.1,4.0,4c.0,2b.0,i.0,29.0,bp.0,76.0,1.1,29.0,fa0.4,1n.6,xl.1,f58.0,43q.4,3.5,8.7,2.6,u.3,44.2,2pn.6,1.g,2.6,1.1,1.4,79.6,af.0,1p.3,15s.6,31.6",
    LOWER: "1t.q.1.w,2t.n.1.w,1.7.1.w,x.o.2.1,3.3.2.1,2.8.2.1,2.n.2.1,1.1.1.-3d,0.3.2.1,3.1.1.5u,0.2.2.1,1.1.1.5q,0.1.1.1,1.2.1.5p,0.1.1.1,2.1.1.27,0.1.1.5m,0.1.1.5n,0.1.1.1,1.1.1.5p,0.1.1.5r,1.1.1.5v,0.1.1.5t,0.1.1.1,3.1.1.5v,0.1.1.5x,1.1.1.5y,0.3.2.1,1.1.1.62,0.1.1.1,1.1.1.62,2.1.1.1,1.1.1.62,0.1.1.1,1.2.1.61,0.2.2.1,1.1.1.63,0.1.1.1,3.1.1.1,7.1.1.2,0.1.1.1,1.1.1.2,0.1.1.1,1.1.1.2,0.9.2.1,2.9.2.1,2.1.1.2,0.2.2.1,1.1.1.-2p,0.1.1.-1k,0.k.2.1,1.1.1.-3m,1.9.2.1,7.1.1.8bv,0.1.1.1,1.1.1.-4j,0.1.1.8bs,2.1.1.1,1.1.1.-5f,0.1.1.1x,0.1.1.1z,0.5.2.1,81.2.2.1,3.1.1.1,8.1.1.38,6.1.1.12,1.3.1.11,1.1.1.1s,1.2.1.1r,1.h.1.w,2.8.1.w,z.1.1.8,8.c.2.1,5.1.1.-1o,2.1.1.1,1.1.1.-7,0.1.1.1,2.3.1.-3m,0.g.1.28,0.w.1.w,1c.h.2.1,9.r.2.1,1.1.1.f,0.7.2.1,2.1c.2.1,2.12.1.1c,289.12.1.5ls,1.1.1.5ls,5.1.1.5ls,k2.28.1.tzk,0.6.1.8,1p6.17.1.-2bk,2.3.1.-2bk,8w.23.2.1,9.1.1.-5vj,1.1c.2.1,9.8.1.-8,8.6.1.-8,a.8.1.-8,8.8.1.-8,8.6.1.-8,b.4.2.-8,8.8.1.-8,o.8.1.-8,8.8.1.-8,8.8.1.-8,8.2.1.-8,0.2.1.-22,0.1.1.-9,b.4.1.-2e,0.1.1.-9,b.2.1.-8,0.2.1.-2s,c.2.1.-8,0.2.1.-34,0.1.1.-7,b.2.1.-3k,0.2.1.-3i,0.1.1.-9,89.1.1.-5st,3.1.1.-6gv,0.1.1.-6di,6.1.1.s,19.g.1.g,j.1.1.1,mq.q.1.q,1f4.1c.1.1c,1c.1.1.1,1.1.1.-8af,0.1.1.-2xy,0.1.1.-89z,2.3.2.1,1.1.1.-8bg,0.1.1.-8al,0.1.1.-8bj,0.1.1.-8bi,1.1.1.1,2.1.1.1,8.2.1.-8cf,0.1e.2.1,8.2.2.1,4.1.1.1,nyl.n.2.1,j.e.2.1,3r.7.2.1,3.v.2.1,a.2.2.1,1.1.1.-r9g,0.5.2.1,4.1.1.1,1.1.1.-wmg,2.2.2.1,3.a.2.1,1.1.1.-wn8,0.1.1.-wnj,0.1.1.-wnf,0.1.1.-wn5,0.1.1.-wn8,1.1.1.-wlu,0.1.1.-wmi,0.1.1.-wlx,0.1.1.ps,0.8.2.1,1.1.1.-1c,0.1.1.-wn7,0.1.1.-raw,0.2.2.1,6.1.1.1,5.2.2.1,s.1.1.1,h7v.q.1.w,xx.14.1.14,3s.10.1.14,4c.b.1.13,1.f.1.13,1.7.1.13,1.2.1.13,1d6.1f.1.1s,2ct.w.1.w,gw0.w.1.w,o80.y.1.y",
    LOWER_MULTI: {"8g": "i\u0307"},
    IGNORABLE: "13.0,6.0,b.0,z.0,1.0,1z.0,4.0,1.0,4.0,2.1,dz.5b,4.1,4.0,9.1,1.0,6z.6,5r.0,5.0,1d.18,1.0,1.1,1.1,1.0,18.0,b.5,a.a,1.0,z.0,a.k,g.0,2t.7,1.9,1.3,x.0,1.0,u.q,2j.a,1m.a,4.0,2.0,o.n,17.2,18.0,7.1,6.7,15.1l,1j.0,1.0,4.7,4.0,3.6,a.1,d.0,f.0,1m.0,4.3,8.0,k.1,q.0,2.1,1l.0,4.1,4.1,2.2,3.0,u.1,3.0,b.1,1l.0,4.4,1.1,4.0,k.1,m.5,1.0,1m.0,2.0,1.3,8.0,7.1,b.1,u.0,1p.0,c.0,1e.0,3.0,1j.0,1.2,5.2,1.3,7.1,b.1,t.0,1m.0,2.0,6.0,5.1,k.1,s.1,1l.1,4.3,8.0,k.1,t.0,20.0,7.2,1.0,2i.0,2.6,b.8,2q.0,2.8,9.0,1.5,22.1,r.0,1.0,1.0,1j.d,1.4,1.1,5.a,1.z,9.0,2u.3,1.5,1.1,2.1,p.1,4.2,g.3,d.0,2.1,6.0,f.0,2m.0,gw.2,qa.2,t.1,u.1,u.1,1s.1,1.6,8.0,2.a,3.0,5.0,19.4,1f.0,1t.1,y.0,3a.2,4.1,9.0,6.2,63.1,2.0,1m.0,1.6,1.0,1.0,2.7,6.9,2.0,13.0,8.u,1d.3,1c.0,1.4,1.0,5.0,14.8,c.1,w.3,2.1,1.2,1k.0,1.1,3.0,1.2,1m.7,2.1,1s.5,2a.2,1.c,1.6,4.0,6.0,3.1,1e.1q,d.0,y.2s,cd.0,1.2,b.2,d.2,d.2,d.1,c.4,8.1,a.0,2.0,2.4,1d.4,1.9,1.0,d.0,g.c,1f.w,2a3.1,35.2,3h.0,f.0,2o.v,1b.0,d1.0,10.3,3.4,5.0,2l.5,2l.2,lxy.0,yq.5,7i.0,2q.3,1.9,1.0,s.3,28.1,e.x,26.0,n.2,2v.2,3.1,8.0,3.0,4.0,p.1,5.0,47.1,q.h,d.0,12.7,p.a,1a.2,1c.0,2.3,2.1,h.0,l.1,1u.5,2.1,2.1,c.0,8.0,z.0,b.0,1f.0,1.2,2.1,5.1,1.0,r.0,e.1,5.1,1.0,2s.4,9.2,3d.0,2.0,4.0,fn4.0,43.g,fx.f,3.0,c.f,y.0,2.0,4p.0,7.0,6.0,b.0,z.0,1.0,1b.0,19.1,1v.0,l.2,e9.0,6a.0,45.4,sl.5,1.15,1.8,g6.2,1.1,5.3,14.2,4.0,4l.1,fx.3,ar.1,49.a,1d.3,3f.0,1i.e,15.0,2.1,a.2,1d.3,2.1,2.0,4.0,a.0,1e.2,10.4,1.7,1q.0,c.1,1g.8,a.3,2.0,2n.2,2.0,1.1,6.0,4g.0,3.7,l.1,1l.1,3.0,11.6,3.4,5f.7,2.2,1.0,n.0,2c.5,1.0,4.1,1.1,6m.3,6.1,1.1,r.1,2d.7,2.0,1.1,2y.0,1.0,2.5,1.0,2t.2,2.3,1.4,77.8,1.1,74.1,1.0,4.0,40.3,2.1,4.0,w.9,14.5,2.3,8.0,9.5,2.2,1a.c,1.1,ba.6,1.5,1.0,2a.l,2.6,1.1,1.1,3e.5,3.0,1.1,1.6,1.0,20.1,3.0,1.0,9n.1,46z.8,at3.4,1n.6,9.3,sr.0,1r.g,1s.1,1.1,cnf.3,1.6,1.1,2hq.1,1.3,3mk.19,2.m,f4.2,9.f,2.6,u.3,44.2,1iz.1i,4.1d,8.0,e.0,m.4,1.e,11s.6,1.g,2.6,1.1,1.4,79.d,a8.0,1p.3,15s.6,31.7,23z.4,gx6p.0,u.2n,3k.6n",
    CASED: "1t.p,6.p,1b.0,a.0,4.0,5.m,1.u,1.5e,1.3,4.5r,1.q,5c.3,2.1,3.2,1.0,6.0,1.2,1.0,1.j,1.2a,1.3u,8.4l,1.11,9.14,26v.11,1.0,5.0,2.16,2.2,io.2d,2.5,1oi.8,7.16,2.2,1s.17,1r.c,1.x,2t.7p,2.5,2.11,2.5,2.7,1.0,1.0,1.0,1.u,2.1g,1.6,1.0,3.2,1.6,3.3,2.5,4.c,5.2,1.6,79.0,4.0,2.9,1.0,3.4,6.0,1.0,1.0,1.3,1.5,4.0,2.3,5.4,4.0,h.v,3.1,mp.1f,1ee.3f,2.2u,6.3,3.1,c.11,1.0,5.0,nwy.19,i.r,3q.25,1.m,3.3,1.1m,5.1,1.0,1.4,r.1,3.0,mt.16,5.8,7.27,fnk.6,c.4,sp.p,6.p,x1.27,2o.z,4.z,38.a,1.e,1.6,1.1,1.a,1.e,1.6,1.1,1c3.1e,d.1e,2b1.1r,gv4.1r,k1s.2c,1.1y,1.1,2.0,2.1,2.3,1.b,1.0,1.6,1.1s,1.3,2.7,1.6,1.r,1.3,1.4,1.0,3.6,1.9f,2.o,1.o,1.u,1.o,1.u,1.o,1.u,1.o,1.u,1.o,1.7,1f8.9,1.j,1y9.1v,1kc.p,6.p,6.p"
  };
  /* END GENERATED TABLES */

  var SNIPPET_CHARS = 160;
  var MAX_QUERY_CHARS = 256;
  var MAX_TERMS = 16;

  /* ---- tables ---------------------------------------------------------- */

  function decodeRanges(text) {
    var firsts = [], lasts = [], after = 0;
    if (text) {
      text.split(",").forEach(function (pair) {
        var dot = pair.indexOf(".");
        var first = after + parseInt(pair.slice(0, dot), 36);
        var last = first + parseInt(pair.slice(dot + 1), 36);
        firsts.push(first);
        lasts.push(last);
        after = last + 1;
      });
    }
    return { firsts: firsts, lasts: lasts };
  }

  function hex(cp) {
    return "\\u{" + cp.toString(16) + "}";
  }

  function classBody(ranges) {
    var out = "";
    for (var i = 0; i < ranges.firsts.length; i++) {
      var a = ranges.firsts[i], b = ranges.lasts[i];
      out += a === b ? hex(a) : hex(a) + "-" + hex(b);
    }
    return out;
  }

  function member(ranges) {
    var firsts = ranges.firsts, lasts = ranges.lasts;
    return function (cp) {
      var lo = 0, hi = firsts.length - 1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (cp < firsts[mid]) { hi = mid - 1; }
        else if (cp > lasts[mid]) { lo = mid + 1; }
        else { return true; }
      }
      return false;
    };
  }

  function decodeLower(runs, multi) {
    var map = new Map(), after = 0;
    runs.split(",").forEach(function (run) {
      var f = run.split(".");
      var first = after + parseInt(f[0], 36), count = parseInt(f[1], 36);
      var step = parseInt(f[2], 36), delta = parseInt(f[3], 36);
      for (var i = 0; i < count; i++) {
        var cp = first + i * step;
        map.set(cp, String.fromCodePoint(cp + delta));
      }
      after = first + (count - 1) * step + 1;
    });
    Object.keys(multi).forEach(function (cp) { map.set(parseInt(cp, 36), multi[cp]); });
    return map;
  }

  var WORD = decodeRanges(TABLES.WORD);
  var CJK = decodeRanges(TABLES.CJK);
  var CJK_WORD = decodeRanges(TABLES.CJK_WORD);
  var SPACE = decodeRanges(TABLES.SPACE);
  var isDecomposable = member(decodeRanges(TABLES.DECOMP));
  var isCombining = member(decodeRanges(TABLES.COMBINING));
  var isIgnorable = member(decodeRanges(TABLES.IGNORABLE));
  var isCased = member(decodeRanges(TABLES.CASED));
  var LOWER = decodeLower(TABLES.LOWER, TABLES.LOWER_MULTI);

  var W = classBody(WORD), C = classBody(CJK), S = classBody(SPACE);
  var PY_W = W + classBody(CJK_WORD) + "_"; /* Python's \w */
  var RE_TERM = new RegExp("[" + C + "]+|[" + W + "]+", "gu");
  var RE_WORD = new RegExp("[" + W + "]+", "gu");
  var RE_CJK_START = new RegExp("^[" + C + "]", "u");
  var RE_SPACES = new RegExp("[" + S + "]+", "u");
  var RE_STRIP = new RegExp("^[" + S + "]+|[" + S + "]+$", "gu");
  var RE_MARKUP = new RegExp(
    "`([^`\\n]{1,500})`" +
      "|\\*\\*([^*\\n]{1,500}?)\\*\\*" +
      "|__([^_\\n]{1,500}?)__" +
      "|(?<![" + PY_W + "*])\\*([^" + S + "*](?:[^*\\n]{0,498}[^" + S + "*])?)\\*(?![" + PY_W + "*])" +
      "|\\[([^\\]\\n]{1,300})\\]\\([^" + S + "()]{1,2000}\\)",
    "gu"
  );
  var RE_ASCII = /^[\x00-\x7f]*$/;
  var RE_SURROGATE = /[\ud800-\udfff]/;

  /* ---- Python string helpers ------------------------------------------- */

  /* Every match of the global regular expression re in text, as [index, text] pairs
   * (matchAll would copy re, which is slow for the big character classes). */
  function matches(re, text) {
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) { out.push([m.index, m[0]]); }
    return out;
  }

  function isHigh(c) { return c >= 0xd800 && c < 0xdc00; }

  function isAscii(text) { return RE_ASCII.test(text); }

  function cpLength(text) {
    if (!RE_SURROGATE.test(text)) { return text.length; }
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (!(c >= 0xdc00 && c < 0xe000 && i > 0 && isHigh(text.charCodeAt(i - 1)))) { n += 1; }
    }
    return n;
  }

  function cpSlice(text, start, end) {
    if (!RE_SURROGATE.test(text)) { return text.slice(start, end); }
    return Array.from(text).slice(start, end).join("");
  }

  /* UTF-16 offset -> code point offset, for the match offsets of one text. */
  function cpOffsets(text) {
    if (!RE_SURROGATE.test(text)) { return null; }
    var map = new Int32Array(text.length + 1), cp = 0, i = 0;
    while (i < text.length) {
      map[i] = cp;
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) { map[i + 1] = cp; i += 1; }
      }
      i += 1;
      cp += 1;
    }
    map[text.length] = cp;
    return map;
  }

  /* Python's str.lower(): per character, and a capital sigma as final or not. */
  function lower(text) {
    if (isAscii(text)) { return text.toLowerCase(); }
    var chars = Array.from(text), out = "";
    for (var i = 0; i < chars.length; i++) {
      var cp = chars[i].codePointAt(0);
      if (cp === 0x3a3) {
        out += finalSigma(chars, i) ? "\u03c2" : "\u03c3";
      } else {
        var low = LOWER.get(cp);
        out += low === undefined ? chars[i] : low;
      }
    }
    return out;
  }

  function finalSigma(chars, i) {
    var j = i - 1;
    while (j >= 0 && isIgnorable(chars[j].codePointAt(0))) { j -= 1; }
    if (j < 0 || !isCased(chars[j].codePointAt(0))) { return false; }
    if (i < chars.length - 1) {
      j = i + 1;
      while (j < chars.length && isIgnorable(chars[j].codePointAt(0))) { j += 1; }
      return j === chars.length || !isCased(chars[j].codePointAt(0));
    }
    return true;
  }

  /* " ".join(text.split()): words separated by one space (Python's white space). */
  function oneLine(text) {
    return text.split(RE_SPACES).filter(function (w) { return w !== ""; }).join(" ");
  }

  function strip(text) { return text.replace(RE_STRIP, ""); }

  /* ---- the Snowball English (Porter2) stemmer --------------------------- */

  var VOWELS = "aeiouy";
  function isV(ch) { return ch !== undefined && ch.length === 1 && VOWELS.indexOf(ch) >= 0; }
  function isNonV(ch) { return ch !== undefined && !isV(ch); }
  function isNonVWXY(ch) { return isNonV(ch) && ch !== "w" && ch !== "x" && ch !== "Y"; }

  var EXCEPTIONS = new Map([
    ["skis", "ski"], ["skies", "sky"], ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"],
    ["early", "earli"], ["only", "onli"], ["singly", "singl"], ["sky", "sky"], ["news", "news"],
    ["howe", "howe"], ["atlas", "atlas"], ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"]
  ]);
  var R1_PREFIXES = ["univers", "commun", "gener", "arsen", "later", "emerg", "organ", "inter", "past"];

  function byLength(list) { return list.slice().sort(function (a, b) { return b.length - a.length; }); }

  var STEP_2 = {
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
    ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al",
    alli: "al", fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive",
    biliti: "ble", bli: "ble", ogist: "og", ogi: "og", fulli: "ful", lessli: "less", li: ""
  };
  var STEP_3 = {
    tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic",
    ful: "", ness: "", ative: ""
  };
  var STEP_4 = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism",
    "ate", "iti", "ous", "ive", "ize", "ion"
  ];
  var STEP_2_KEYS = byLength(Object.keys(STEP_2));
  var STEP_3_KEYS = byLength(Object.keys(STEP_3));
  var STEP_4_KEYS = byLength(STEP_4);
  var STEP_1A_APOSTROPHE = ["'s'", "'s", "'"];
  var STEP_1A = ["sses", "ied", "ies", "us", "ss", "s"];
  var STEP_1B = ["eedly", "ingly", "edly", "eed", "ing", "ed"];
  var STEP_1B_ING = ["cann", "herr", "earr", "even", "inn", "out", "y"];
  var STEP_1B_AFTER = ["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

  /* Whether s[0..end) ends with the string suffix. */
  function endsAt(s, end, suffix) {
    var k = suffix.length;
    if (k > end) { return false; }
    for (var i = 0; i < k; i++) {
      if (s[end - k + i] !== suffix[i]) { return false; }
    }
    return true;
  }

  /* The longest of the (longest-first) suffixes that s[0..end) ends with, or null. */
  function longestAt(s, end, suffixes) {
    for (var i = 0; i < suffixes.length; i++) {
      if (endsAt(s, end, suffixes[i])) { return suffixes[i]; }
    }
    return null;
  }

  function vowelBefore(s, end) {
    for (var i = 0; i < end; i++) {
      if (isV(s[i])) { return true; }
    }
    return false;
  }

  /* Whether s[0..end) ends in a short syllable. */
  function shortV(s, end) {
    if (end >= 3 && isNonVWXY(s[end - 1]) && isV(s[end - 2]) && isNonV(s[end - 3])) { return true; }
    if (end === 2 && isNonV(s[1]) && isV(s[0])) { return true; }
    return endsAt(s, end, "past");
  }

  function replaceEnd(s, start, by) {
    s.length = start;
    for (var i = 0; i < by.length; i++) { s.push(by[i]); }
  }

  function regions(s) {
    var n = s.length, p1 = n, p2 = n, c = -1;
    for (var i = 0; i < R1_PREFIXES.length && c < 0; i++) {
      var prefix = R1_PREFIXES[i];
      if (prefix.length <= n && s.slice(0, prefix.length).join("") === prefix) { c = prefix.length; }
    }
    if (c < 0) { c = gopast(s, gopast(s, 0, true), false); }
    if (c >= 0) {
      p1 = c;
      c = gopast(s, gopast(s, c, true), false);
      if (c >= 0) { p2 = c; }
    }
    return [p1, p2];
  }

  /* Forward from `from`: the position just past the next vowel (or non-vowel), or -1. */
  function gopast(s, from, vowel) {
    if (from < 0) { return -1; }
    for (var i = from; i < s.length; i++) {
      if (isV(s[i]) === vowel) { return i + 1; }
    }
    return -1;
  }

  function step1a(s) {
    var suffix = longestAt(s, s.length, STEP_1A_APOSTROPHE);
    if (suffix !== null) { s.length -= suffix.length; }
    var n = s.length;
    suffix = longestAt(s, n, STEP_1A);
    if (suffix === "sses") {
      s.length -= 2;
    } else if (suffix === "ied" || suffix === "ies") {
      replaceEnd(s, n - 3, n - 3 >= 2 ? "i" : "ie");
    } else if (suffix === "s") {
      if (n - 2 >= 0 && vowelBefore(s, n - 2)) { s.length = n - 1; }
    }
  }

  function step1b(s, p1) {
    var n = s.length;
    var suffix = longestAt(s, n, STEP_1B);
    if (suffix === null) { return; }
    var start = n - suffix.length;
    if (suffix === "eed" || suffix === "eedly") {
      if (start >= p1) {
        var before = s.slice(0, start).join("");
        if (before !== "proc" && before !== "exc" && before !== "succ") { replaceEnd(s, start, "ee"); }
      }
      return;
    }
    if (suffix === "ing") {
      var what = longestAt(s, start, STEP_1B_ING);
      if (what === "y") {
        if (start === 2 && isNonV(s[0])) {
          replaceEnd(s, 1, "ie");
          return;
        }
      } else if (what !== null && start === what.length) {
        return;
      }
    }
    if (!vowelBefore(s, start)) { return; }
    s.length = start;
    var after = longestAt(s, start, STEP_1B_AFTER);
    if (after === "at" || after === "bl" || after === "iz") {
      s.push("e");
    } else if (after !== null) {
      if (!(start === 3 && "aeo".indexOf(s[0]) >= 0)) { s.length -= 1; }
    } else if (start === p1 && shortV(s, start)) {
      s.push("e");
    }
  }

  function step1c(s) {
    var n = s.length;
    if (n >= 3 && (s[n - 1] === "y" || s[n - 1] === "Y") && isNonV(s[n - 2])) { s[n - 1] = "i"; }
  }

  function step2(s, p1) {
    var n = s.length, suffix = longestAt(s, n, STEP_2_KEYS);
    if (suffix === null) { return; }
    var start = n - suffix.length;
    if (start < p1) { return; }
    if (suffix === "ogi") {
      if (s[start - 1] === "l") { replaceEnd(s, start, "og"); }
    } else if (suffix === "li") {
      if (s[start - 1] !== undefined && "cdeghkmnrt".indexOf(s[start - 1]) >= 0) { s.length = start; }
    } else {
      replaceEnd(s, start, STEP_2[suffix]);
    }
  }

  function step3(s, p1, p2) {
    var n = s.length, suffix = longestAt(s, n, STEP_3_KEYS);
    if (suffix === null) { return; }
    var start = n - suffix.length;
    if (start < p1) { return; }
    if (suffix === "ative") {
      if (start >= p2) { s.length = start; }
    } else {
      replaceEnd(s, start, STEP_3[suffix]);
    }
  }

  function step4(s, p2) {
    var n = s.length, suffix = longestAt(s, n, STEP_4_KEYS);
    if (suffix === null) { return; }
    var start = n - suffix.length;
    if (start < p2) { return; }
    if (suffix !== "ion" || s[start - 1] === "s" || s[start - 1] === "t") { s.length = start; }
  }

  function step5(s, p1, p2) {
    var n = s.length, start = n - 1;
    if (s[start] === "e") {
      if (start >= p2 || (start >= p1 && !shortV(s, start))) { s.length = start; }
    } else if (s[start] === "l") {
      if (start >= p2 && s[start - 1] === "l") { s.length = start; }
    }
  }

  /* The Snowball English stem of any word, as PyStemmer's stemWord gives it. */
  function snowball(word) {
    var exception = EXCEPTIONS.get(word);
    if (exception !== undefined) { return exception; }
    var s = Array.from(word);
    if (s.length < 3) { return word; }
    if (s[0] === "'") { s.shift(); }
    var yFound = false;
    if (s[0] === "y") { s[0] = "Y"; yFound = true; }
    for (var i = 1; i < s.length; i++) {
      if (s[i] === "y" && isV(s[i - 1])) { s[i] = "Y"; yFound = true; }
    }
    var marks = regions(s), p1 = marks[0], p2 = marks[1];
    step1a(s);
    step1b(s, p1);
    step1c(s);
    step2(s, p1);
    step3(s, p1, p2);
    step4(s, p2);
    step5(s, p1, p2);
    var out = s.join("");
    return yFound ? out.replace(/Y/g, "y") : out;
  }

  var STEMMABLE = /^[A-Za-z]{3,}$/;
  var stemCache = new Map();

  /* tokenize.stem: the stem of a folded word of three or more ASCII letters; others as is. */
  function stem(word) {
    if (!STEMMABLE.test(word)) { return word; }
    var known = stemCache.get(word);
    if (known === undefined) {
      if (stemCache.size >= 65536) { stemCache.clear(); }
      known = snowball(word);
      stemCache.set(word, known);
    }
    return known;
  }

  /* ---- tokenize --------------------------------------------------------- */

  /* tokenize.fold: lower case, diacritics removed (NFKD less combining marks). */
  function fold(word) {
    if (isAscii(word)) { return word.toLowerCase(); }
    var out = "";
    for (var ch of word) {
      var cp = ch.codePointAt(0);
      if (isDecomposable(cp)) {
        for (var part of ch.normalize("NFKD")) {
          if (!isCombining(part.codePointAt(0))) { out += part; }
        }
      } else if (!isCombining(cp)) {
        out += ch;
      }
    }
    return lower(out);
  }

  function isCjk(text) { return RE_CJK_START.test(text); }

  function bigrams(run) {
    var chars = Array.from(run);
    if (chars.length === 1) { return run; }
    var out = [];
    for (var i = 0; i < chars.length - 1; i++) { out.push(chars[i] + chars[i + 1]); }
    return out.join(" ") + " " + chars[chars.length - 1];
  }

  function grams(text) {
    var chars = Array.from(text), out = [];
    for (var i = 0; i < chars.length - 1; i++) { out.push(chars[i] + chars[i + 1]); }
    return out;
  }

  /* tokenize.segment: words as folded stems, CJK runs as bigrams; `vocabulary`, a Map
   * when given, gets every folded word mapped to its stem. */
  function segment(text, vocabulary) {
    var known = vocabulary || new Map(), out = [];
    for (var m of matches(RE_TERM, text)) {
      var piece = m[1];
      if (isCjk(piece)) {
        out.push(bigrams(piece));
        continue;
      }
      var folded = fold(piece), stemmed = known.get(folded);
      if (stemmed === undefined) {
        stemmed = stem(folded);
        known.set(folded, stemmed);
      }
      out.push(stemmed);
    }
    return out.join(" ");
  }

  var RE_QUOTED = /"[^"]*"|\u201c[^\u201d]*\u201d/g;

  /* tokenize.parse: {terms: [{text, cjk}], truncated, quoted: [[start, end]...]}, the
   * terms each pair of double quotes holds (phrases). */
  function terms(query) {
    var truncated = false, cut = query;
    if (query.length > MAX_QUERY_CHARS && cpLength(query) > MAX_QUERY_CHARS) {
      truncated = true;
      cut = cpSlice(query, 0, MAX_QUERY_CHARS);
    }
    var found = [], starts = [];
    for (var m of matches(RE_TERM, cut)) {
      found.push({ text: m[1], cjk: isCjk(m[1]) });
      starts.push(m[0]);
    }
    if (found.length > MAX_TERMS) {
      found = found.slice(0, MAX_TERMS);
      truncated = true;
    }
    var quoted = [];
    for (var q of matches(RE_QUOTED, cut)) {
      var lo = q[0], hi = q[0] + q[1].length, first = -1, last = -1;
      for (var i = 0; i < found.length; i++) {
        if (lo < starts[i] && starts[i] < hi) { if (first < 0) { first = i; } last = i; }
      }
      if (first >= 0) { quoted.push([first, last + 1]); }
    }
    return { terms: found, truncated: truncated, quoted: quoted, joined: [] };
  }

  /* Query.split_terms: each joined word ({term, parts, keep}) as the words it joins. */
  function splitTerms(parsed) {
    var joins = new Map(), out = [];
    (parsed.joined || []).forEach(function (j) { joins.set(j.term, j); });
    parsed.terms.forEach(function (t, i) {
      var j = joins.get(i);
      if (j === undefined) { out.push(t); return; }
      j.parts.forEach(function (p) { out.push({ text: p, cjk: false }); });
    });
    return out;
  }

  /* Query.marked_terms: {terms, prefixLast} a highlighter marks. */
  function markedTerms(parsed) {
    var joins = new Map(), out = [];
    (parsed.joined || []).forEach(function (j) { joins.set(j.term, j); });
    parsed.terms.forEach(function (t, i) {
      var j = joins.get(i);
      if (j === undefined) { out.push(t); return; }
      if (j.keep) { out.push(t); }
      j.parts.forEach(function (p) { out.push({ text: p, cjk: false }); });
    });
    return { terms: out, prefixLast: prefixLast(parsed) && !joins.has(parsed.terms.length - 1) };
  }

  /* Query.prefix_last: whether the last term is outside quotes. */
  function prefixLast(parsed) {
    var q = parsed.quoted;
    return !q.length || q[q.length - 1][1] < parsed.terms.length;
  }

  /* tokenize.key: a text's terms as one comparable string. */
  function key(found) {
    return found.map(function (t) { return t.cjk ? t.text : stem(fold(t.text)); }).join(" ");
  }

  /* tokenize.text_key: key(terms(text).terms). */
  function textKey(text) { return key(terms(text).terms); }

  /* tokenize.words: the folded words of a text as written, CJK left out. */
  function words(text) {
    var out = [];
    for (var m of matches(RE_WORD, text)) { out.push(fold(m[1])); }
    return out;
  }

  /* tokenize.identifier_parts: the camel-case parts of an identifier as written, or null. */
  function identifierParts(name) {
    var parts = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) || [];
    if (parts.length < 2) { return null; }
    var plainParts = name.replace(/[^0-9A-Za-z]+/g, " ").toLowerCase().split(" ").filter(Boolean);
    var lowered = parts.map(function (p) { return p.toLowerCase(); });
    if (lowered.join(" ") === plainParts.join(" ")) { return null; }
    return parts;
  }

  /* tokenize.split_identifier: `invalidJWT` -> `invalidJWT invalid JWT`. */
  function splitIdentifier(name) {
    var parts = identifierParts(name);
    return parts === null ? name : name + " " + parts.join(" ");
  }

  /* tokenize.camel_parts: `rateLimit` -> ["rate", "limit"]; null without a lower-case
   * letter followed by a capital. */
  function camelParts(word) {
    if (!/^[\x00-\x7f]*$/.test(word) || !/[a-z][A-Z]/.test(word)) { return null; }
    var parts = identifierParts(word);
    return parts === null ? null : parts.map(function (p) { return p.toLowerCase(); });
  }

  function quoted(text) { return '"' + text + '"'; }

  function ftsTerm(term, prefix, completions, loose) {
    if (term.cjk) {
      if (cpLength(term.text) === 1) { return quoted(term.text) + "*"; }
      var g = grams(term.text);
      if (loose && g.length > 1) { return "(" + g.map(quoted).join(" OR ") + ")"; }
      return quoted(g.join(" "));
    }
    var folded = fold(term.text);
    if (prefix && completions && completions.length) {
      if (completions.length === 1) { return quoted(completions[0]); }
      return "(" + completions.map(quoted).join(" OR ") + ")";
    }
    if (prefix) {
      var stemmed = stem(folded);
      if (stemmed !== folded && !stemmed.startsWith(folded)) {
        return "(" + quoted(folded) + "* OR " + quoted(stemmed) + ")";
      }
      return quoted(folded) + "*";
    }
    return quoted(stem(folded));
  }

  /* tokenize.match_expression; options: anyTerm, prefixLast (default true), lastWords,
   * quoted (spans of terms that are one phrase each). */
  function matchExpression(found, options) {
    var o = options || {}, usePrefix = o.prefixLast !== false, last = found.length - 1;
    var spans = new Map(), inside = new Set(), parts = [];
    (o.quoted || []).forEach(function (sp) {
      spans.set(sp[0], sp[1]);
      for (var j = sp[0]; j < sp[1]; j++) { inside.add(j); }
    });
    found.forEach(function (t, i) {
      if (spans.has(i)) {
        parts.push(ftsPhrase(found.slice(i, spans.get(i))));
      } else if (!inside.has(i)) {
        parts.push(ftsTerm(t, usePrefix && i === last, i === last ? o.lastWords : null, !!o.anyTerm));
      }
    });
    return parts.join(o.anyTerm ? " OR " : " AND ");
  }

  /* tokenize.phrase_tokens: the indexed tokens of terms that follow each other. */
  function phraseTokens(found) {
    var out = [], last = found.length - 1;
    found.forEach(function (t, i) {
      if (!t.cjk) { out.push(stem(fold(t.text))); return; }
      var g = grams(t.text);
      if (!g.length) { out.push(t.text); return; }
      out = out.concat(g);
      if (i < last) { out.push(Array.from(t.text).pop()); }
    });
    return out;
  }

  /* tokenize._fts_phrase: a quoted phrase (a lone CJK character stays a prefix). */
  function ftsPhrase(found) {
    if (found.length === 1 && found[0].cjk && cpLength(found[0].text) === 1) {
      return quoted(found[0].text) + "*";
    }
    return quoted(phraseTokens(found).join(" "));
  }

  /* tokenize.phrase_expression: null for fewer than two terms. */
  function phraseExpression(found, column) {
    if (found.length < 2) { return null; }
    var phrase = quoted(phraseTokens(found).join(" "));
    return column ? column + " : " + phrase : phrase;
  }

  /* ---- highlighter ------------------------------------------------------ */

  function escapeRegExp(text) { return text.replace(/[\\^$.*+?()[\]{}|\/]/g, "\\$&"); }

  /* tokenize.Highlighter: where query terms occur in original text, as the index matches. */
  function Highlighter(found, lastStems, prefixLast) {
    var usePrefix = prefixLast !== false;
    this._stems = new Set();
    this._prefix = null;
    this._lastStems = new Set(lastStems || []);
    var cjk = [];
    for (var i = 0; i < found.length; i++) {
      var t = found[i];
      if (t.cjk) {
        cjk.push(t.text);
      } else if (usePrefix && i === found.length - 1) {
        this._prefix = fold(t.text);
        this._lastStems.add(stem(this._prefix));
      } else {
        this._stems.add(stem(fold(t.text)));
      }
    }
    cjk.sort(function (a, b) { return cpLength(b) - cpLength(a); });
    var alternatives = cjk.map(escapeRegExp).join("|");
    this._cjk = cjk.length ? new RegExp(alternatives, "gu") : null;
    this._cjkAny = cjk.length ? new RegExp(alternatives, "u") : null;
  }

  Highlighter.prototype._hit = function (word) {
    var folded = fold(word), stemmed = stem(folded);
    if (this._stems.has(stemmed) || this._lastStems.has(stemmed)) { return true; }
    return this._prefix !== null && folded.startsWith(this._prefix);
  };

  /* The [start, end] code point offsets of every match in text, in order. */
  Highlighter.prototype.spans = function (text) {
    var at = cpOffsets(text), out = [], m;
    function offset(i) { return at === null ? i : at[i]; }
    for (m of matches(RE_WORD, text)) {
      if (this._hit(m[1])) { out.push([offset(m[0]), offset(m[0] + m[1].length)]); }
    }
    if (this._cjk !== null) {
      for (m of matches(this._cjk, text)) {
        if (m[1].length > 0) { out.push([offset(m[0]), offset(m[0] + m[1].length)]); }
      }
      out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    }
    return out;
  };

  /* Whether any term matches in text. */
  Highlighter.prototype.search = function (text) {
    if (this._cjkAny !== null && this._cjkAny.test(text)) { return true; }
    var m;
    RE_WORD.lastIndex = 0;
    while ((m = RE_WORD.exec(text)) !== null) {
      if (this._hit(m[0])) { return true; }
    }
    return false;
  };

  /* tokenize.highlighter: a Highlighter for the terms, or null when there are none. */
  function highlighter(found, lastStems, prefixLast) {
    if (!found || !found.length) { return null; }
    return new Highlighter(found, lastStems, prefixLast);
  }

  /* ---- snippets --------------------------------------------------------- */

  /* plain.plain: Markdown emphasis, code and link markers removed. */
  function plain(text) {
    if (text.indexOf("*") < 0 && text.indexOf("`") < 0 && text.indexOf("_") < 0 &&
        text.indexOf("](") < 0) {
      return text;
    }
    return text.replace(RE_MARKUP, function (whole, code, strong, under, em, label) {
      if (code !== undefined) { return code; } /* a code span's text is literal */
      var groups = [strong, under, em, label];
      for (var i = 0; i < groups.length; i++) { /* which may hold code or emphasis */
        if (groups[i] !== undefined) { return plain(groups[i]); }
      }
      return whole;
    });
  }

  /* snippet.tag: a locale tag as compared: trimmed, lower case, `-` between parts. */
  function tag(locale) { return lower(strip(locale).replace(/_/g, "-")); }

  function windowOf(text, marks, field, locale) {
    var length = cpLength(text);
    if (length <= SNIPPET_CHARS) {
      return { text: text, marks: marks, field: field, locale: locale };
    }
    var first = marks.length ? marks[0][0] : 0;
    var start = Math.max(0, Math.min(first - SNIPPET_CHARS / 4, length - SNIPPET_CHARS));
    var end = start + SNIPPET_CHARS;
    var lead = start > 0 ? "\u2026" : "", tail = end < length ? "\u2026" : "";
    var shift = lead.length - start;
    var kept = [];
    marks.forEach(function (m) {
      if (m[0] < end && m[1] > start) {
        kept.push([Math.max(m[0], start) + shift, Math.min(m[1], end) + shift]);
      }
    });
    return { text: lead + cpSlice(text, start, end) + tail, marks: kept, field: field, locale: locale };
  }

  /* A snippet source as Doc.to_data() writes it: the record itself (17 items: the
   * source is items 12-15), those four items [code, name, [[field, locale, text], ...],
   * extra], or an object with those four names. */
  function sourceOf(source) {
    if (Array.isArray(source)) {
      var s = source.length === 17 ? source.slice(12, 16) : source;
      return { code: s[0], name: s[1], texts: s[2], extra: s[3] };
    }
    return source;
  }

  /* snippet.snippet_of: {snippet: {text, marks, field, locale} or null, fields: [...]}. */
  function snippetOf(source, pattern, locale) {
    var src = sourceOf(source);
    var texts = (src.texts || []).slice();
    if (locale) {
      var want = tag(locale);
      var rank = function (t) {
        if (!t[1]) { return 1; }
        var have = tag(t[1]);
        return want === have || want === have.split("-")[0] ? 0 : 1;
      };
      texts.sort(function (a, b) { return rank(a) - rank(b); });
    }
    var fields = [], best = null;
    if (pattern) {
      if (pattern.search(String(src.code))) { fields.push("code"); }
      if (src.name && pattern.search(src.name)) { fields.push("name"); }
      texts.forEach(function (t) {
        var field = t[0], text = t[2];
        if ((best !== null && fields.indexOf(field) >= 0) || !pattern.search(text)) { return; }
        if (fields.indexOf(field) < 0) { fields.push(field); }
        if (best === null) {
          var line = plain(oneLine(text));
          best = windowOf(line, pattern.spans(line), field, t[1] === undefined ? null : t[1]);
        }
      });
      if (src.extra && pattern.search(src.extra)) { fields.push("extra"); }
    }
    if (best === null && texts.length) {
      var shown = texts.filter(function (t) { return t[0] === "message" || t[0] === "description"; });
      var one = (shown.length ? shown : texts)[0];
      best = windowOf(plain(oneLine(one[2])), [], one[0], one[1] === undefined ? null : one[1]);
    }
    return { snippet: best, fields: fields };
  }

  /* Code point marks of text as UTF-16 offsets, for slicing a JS string. */
  function unitMarks(text, marks) {
    if (!RE_SURROGATE.test(text)) { return marks.map(function (m) { return [m[0], m[1]]; }); }
    var units = [0], n = 0;
    for (var ch of text) { n += ch.length; units.push(n); }
    return marks.map(function (m) { return [units[m[0]], units[m[1]]]; });
  }

  var api = {
    UNICODE_VERSION: TABLES.UNICODE,
    SNIPPET_CHARS: SNIPPET_CHARS,
    MAX_QUERY_CHARS: MAX_QUERY_CHARS,
    MAX_TERMS: MAX_TERMS,
    snowball: snowball,
    stem: stem,
    fold: fold,
    lower: lower,
    oneLine: oneLine,
    isCjk: isCjk,
    bigrams: bigrams,
    segment: segment,
    terms: terms,
    prefixLast: prefixLast,
    splitTerms: splitTerms,
    markedTerms: markedTerms,
    phraseTokens: phraseTokens,
    key: key,
    textKey: textKey,
    words: words,
    splitIdentifier: splitIdentifier,
    camelParts: camelParts,
    matchExpression: matchExpression,
    phraseExpression: phraseExpression,
    Highlighter: Highlighter,
    highlighter: highlighter,
    plain: plain,
    tag: tag,
    snippetOf: snippetOf,
    unitMarks: unitMarks
  };
  root.ErrdexText = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof globalThis !== "undefined" ? globalThis : this);
