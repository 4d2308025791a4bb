const path=require("path");const zlib=require("zlib");const fs=require("fs");const webpack=require("webpack");
webpack({mode:"production",context:__dirname,entry:{classic:"./classic.js",mini:"./mini.js"},output:{path:"/tmp/exp"},devtool:false},(e,s)=>{
if(e||s.hasErrors())return console.log(e||s.toString());
for(const f of ["classic.js","mini.js"]){const b=fs.readFileSync("/tmp/exp/"+f);console.log(f,(b.length/1024).toFixed(1),(zlib.gzipSync(b,{level:9}).length/1024).toFixed(1));}});
