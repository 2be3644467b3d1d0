/** A Node builtin the browser bundle never reaches at run time (node:net in memfs's NFS client). */
export default {};
