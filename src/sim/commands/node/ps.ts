/**
 * ps, pgrep and pidof of procps-ng 4.0.4 (Ubuntu 24.04) over the host's process table
 * (processes.ts). ps parses its options as procps's ps/parser.c does (SysV first, then a second
 * chance as BSD; the first pass's error and the short usage when both fail), builds its columns
 * from ps/output.c's format table and macros (OL_u for `u`, the SysV list for -f and the
 * default), selects as ps/select.c and lays each line out as output.c's show_one_proc (a column
 * that overflows pushes the next, the last one is cut at the terminal's width). pgrep and pidof
 * follow pgrep.c and pidof.c. Options the sandbox does not simulate say so in one line.
 */
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { hostProcesses, MEM_TOTAL_KB, USERS, type Proc } from './processes.ts';
import { strftime } from '../../strftime.ts';
import { getopt, last } from '../getopt.ts';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

const VERSION = 'procps-ng 4.0.4';
/** ps's output buffer (common.h): the width of a line that nothing cuts. */
const OUTBUF_SIZE = 2 * 64 * 1024;
/** Digits of /proc/sys/kernel/pid_max (4194304 on Ubuntu 24.04): the width of PID columns. */
const PID_WIDTH = 7;
const p2 = (n: number): string => String(n).padStart(2, '0');

const notSimulated = (cmd: string, what: string): RunResult => res('', `kubesim: ${cmd}: ${what} is not simulated in this sandbox\n`, 1);

/** A process as ps prints it: with its forest prefix and %CPU in tenths. */
interface Row extends Proc {
  prefix: string;
  permille: number;
}

interface PrCtx {
  now: number;
  /** Cells the value may take (max_rightward). */
  room: number;
  unixF: boolean;
  bsdC: boolean;
  forest: Forest;
}

type Forest = '' | 'b' | 'u' | 'g';
type Pr = (p: Row, o: PrCtx) => string;
type Just = 'L' | 'R' | 'U' | 'X';

/** One column: header, width, justification (left, right, user name, unlimited). */
interface Col {
  name: string;
  width: number;
  just: Just;
  pr?: Pr;
  spec: string;
}

/** /proc/PID/cmdline as ps shows it: argv joined, or [comm] for a kernel thread. */
const cmdline = (p: Proc): string => (p.argv.length ? p.argv.join(' ') : `[${p.comm}]`);

/** escape_str: what the terminal cannot print becomes '?', at most `cells` of it. */
function escape(s: string, cells: number): string {
  return [...s.replace(/[\x00-\x1f\x7f]/g, '?')].slice(0, Math.max(0, cells)).join('');
}

/** forest_helper: ` \_ ` and ` |  ` for f and --forest, two spaces a level for -H. */
function forestHelper(prefix: string, forest: Forest, room: number): string {
  let out = '';
  const step = forest === 'u' ? 2 : 4;
  for (const c of prefix) {
    if (room < step) break;
    out += forest === 'u' ? '  ' : c === ' ' ? '    ' : c === '|' ? ' |  ' : ' \\_ ';
    room -= step;
  }
  return out;
}

function prCmd(p: Row, o: PrCtx, full: boolean): string {
  const fh = forestHelper(p.prefix, o.forest, o.room);
  return fh + escape(full ? cmdline(p) : p.comm, o.room - fh.length);
}

/** do_pr_name: a name longer than the column ends in '+'. */
function prName(name: string, uid: number, room: number): string {
  const s = escape(name, OUTBUF_SIZE);
  if (s.length <= room) return s;
  return room >= 1 ? s.slice(0, room - 1) + '+' : String(uid);
}

const elapsed = (p: Proc, now: number): number => Math.max(0, Math.floor((now - p.start) / 1000));

/** pr_stime: 09:41 today, Nov22 this year, 2025 before. */
function stime(t: number, now: number): string {
  const d = new Date(t);
  const n = new Date(now);
  if (d.getUTCFullYear() !== n.getUTCFullYear()) return String(d.getUTCFullYear());
  if (d.getUTCMonth() !== n.getUTCMonth() || d.getUTCDate() !== n.getUTCDate()) return strftime(t, '%b%d');
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** ctime(3): `Sun Nov 22 09:00:00 2026`. */
const ctime = (t: number): string => strftime(t, '%c');

/** pr_time: [dd-]hh:mm:ss. */
function cpuTime(sec: number): string {
  const dd = Math.floor(sec / 86400);
  return `${dd ? `${dd}-` : ''}${p2(Math.floor(sec / 3600) % 24)}:${p2(Math.floor(sec / 60) % 60)}:${p2(sec % 60)}`;
}

/** pr_etime: [[dd-]hh:]mm:ss. */
function etime(sec: number): string {
  const dd = Math.floor(sec / 86400);
  const hh = Math.floor(sec / 3600) % 24;
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${p2(hh)}:` : ''}${p2(Math.floor(sec / 60) % 60)}:${p2(sec % 60)}`;
}

/** pr_stat: state, <, N, L, s (session leader), l (threads), + (foreground). */
function stat(p: Proc): string {
  let s = p.state;
  if (p.nice < 0) s += '<';
  if (p.nice > 0) s += 'N';
  if (p.locked) s += 'L';
  if (p.sid === p.pid) s += 's';
  if (p.threads > 1) s += 'l';
  if (p.foreground) s += '+';
  return s;
}

const cpuSec = (p: Proc): number => Math.floor(p.cpuMs / 1000);

/** The columns the sandbox prints, as output.c's format_array defines them. */
const FORMATS: Record<string, { head: string; width: number; just: Just; pidmax?: boolean; pr: Pr }> = {};
const def = (specs: string, head: string, width: number, just: Just, pr: Pr, pidmax = false) => {
  for (const s of specs.split(' ')) FORMATS[s] = { head, width, just, pr, pidmax };
};
def('pid tgid', 'PID', 5, 'R', (p) => String(p.pid), true);
FORMATS.tgid.head = 'TGID';
def('ppid', 'PPID', 5, 'R', (p) => String(p.ppid), true);
def('pgid', 'PGID', 5, 'R', (p) => String(p.pgid), true);
def('pgrp', 'PGRP', 5, 'R', (p) => String(p.pgid), true);
def('sid', 'SID', 5, 'R', (p) => String(p.sid), true);
def('sess session', 'SESS', 5, 'R', (p) => String(p.sid), true);
def('user euser uname', 'USER', 8, 'U', (p, o) => prName(p.user, p.uid, o.room));
FORMATS.euser.head = 'EUSER';
def('ruser', 'RUSER', 8, 'U', (p, o) => prName(p.user, p.uid, o.room));
def('uid_hack', 'UID', 8, 'U', (p, o) => prName(p.user, p.uid, o.room));
def('uid euid', 'UID', 5, 'R', (p) => String(p.uid));
FORMATS.euid.head = 'EUID';
def('ruid', 'RUID', 5, 'R', (p) => String(p.uid));
def('comm ucomm', 'COMMAND', 15, 'X', (p, o) => prCmd(p, o, o.unixF));
def('ucmd', 'CMD', 15, 'X', (p, o) => prCmd(p, o, o.unixF));
def('args command', 'COMMAND', 27, 'X', (p, o) => prCmd(p, o, !o.bsdC));
def('cmd', 'CMD', 27, 'X', (p, o) => prCmd(p, o, !o.bsdC));
def('fname', 'COMMAND', 8, 'L', (p, o) => {
  const fh = forestHelper(p.prefix, o.forest, o.room);
  return fh + escape(p.comm, Math.min(8, o.room - fh.length));
});
def('exe', 'EXE', 27, 'X', (p, o) => escape(p.exe, o.room));
def('%cpu pcpu', '%CPU', 4, 'R', (p) => (p.permille > 999 ? String(Math.floor(p.permille / 10)) : `${Math.floor(p.permille / 10)}.${p.permille % 10}`));
def('c', 'C', 2, 'R', (p) => String(Math.min(99, Math.floor(p.permille / 10))).padStart(2));
def('cp', 'CP', 3, 'R', (p) => String(Math.min(999, p.permille)).padStart(3));
def('%mem pmem', '%MEM', 4, 'R', (p) => {
  const pm = Math.min(999, Math.floor((p.rss * 1000) / MEM_TOTAL_KB));
  return `${String(Math.floor(pm / 10)).padStart(2)}.${pm % 10}`;
});
def('vsz vsize', 'VSZ', 6, 'R', (p) => String(p.vsz));
def('rss rssize', 'RSS', 5, 'R', (p) => String(p.rss));
def('rsz', 'RSZ', 5, 'R', (p) => String(p.rss));
def('sz', 'SZ', 5, 'R', (p) => String(Math.floor(p.vsz / 4)));
def('tty tt', 'TT', 8, 'L', (p) => p.tty);
def('tname tty8 longtname', 'TTY', 8, 'L', (p) => p.tty);
def('tty4', 'TTY', 4, 'L', (p) => p.tty);
def('stat', 'STAT', 4, 'L', (p) => stat(p));
def('state s', 'S', 1, 'L', (p) => p.state);
def('start_time', 'START', 5, 'R', (p, o) => stime(p.start, o.now));
def('stime', 'STIME', 5, 'R', (p, o) => stime(p.start, o.now));
def('start', 'STARTED', 8, 'R', (p, o) => {
  // pr_start: the time of day within the last 24 hours, else ctime's month and day (padded with a zero).
  return strftime(p.start, p.start + 86_400_000 > o.now ? '%T' : '  %b %d');
});
def('bsdstart', 'START', 6, 'R', (p, o) => (o.now - p.start > 86_400_000 ? ctime(p.start).slice(4, 10) : ctime(p.start).slice(10, 16)));
def('lstart', 'STARTED', 24, 'R', (p) => ctime(p.start));
def('time cputime atime', 'TIME', 8, 'R', (p) => cpuTime(cpuSec(p)));
def('times cputimes', 'TIME', 8, 'R', (p) => String(cpuSec(p)));
def('bsdtime', 'TIME', 6, 'R', (p) => `${String(Math.floor(cpuSec(p) / 60)).padStart(3)}:${p2(cpuSec(p) % 60)}`);
def('etime', 'ELAPSED', 11, 'R', (p, o) => etime(elapsed(p, o.now)));
def('etimes', 'ELAPSED', 7, 'R', (p, o) => String(elapsed(p, o.now)));
def('nlwp', 'NLWP', 4, 'R', (p) => String(p.threads));
def('thcount', 'THCNT', 5, 'R', (p) => String(p.threads));
def('ni nice', 'NI', 3, 'R', (p) => String(p.nice));
def('psr', 'PSR', 3, 'R', (p) => String(p.psr));

/** Every specifier of procps's format_array: those FORMATS lacks are real but not simulated here. */
const KNOWN_SPECS = new Set(`%cpu %mem _left _left2 _right _right2 _unlimited _unlimited2 acflag acflg addr addr_1 ag_id ag_nice alarm argc args atime
blocked bnd bsdstart bsdtime c caught cgname cgroup cgroupns class cls cmaj_flt cmd cmin_flt cnswap comm command context cp cpu cpuid cputime
cputimes ctid cuc cursig cutime cuu cwd docker drs dsiz egid egroup eip emul end_code environ esp etime etimes euid euser exe f fgid fgroup
flag flags fname fsgid fsgroup fsuid fsuser fuid fuser gid group htprv htshr ignored inblk inblock intpri ipcns jid jobc ktrace ktracep label
lastcpu lim login logname longtname lsession lstart luid luser lwp lxc m_drs m_dt m_lrs m_resident m_share m_size m_swap m_trs machine maj_flt
majflt min_flt minflt mntns msgrcv msgsnd mwchan netns ni nice nivcsw nlwp nsignals nsigs nswap numa nvcsw nwchan oom oomadj opri osz oublk
oublock ouid p_ru paddr pagein pcap pcaps pcpu pending pgid pgrp pid pidns pmem poip policy ppid pri pri_api pri_bar pri_baz pri_foo priority
prmgrp prmid project projid pset psr pss psxpri rbytes rchars re resident rgid rgroup rlink rops rss rssize rsz rtprio ruid ruser s sched scnt
scount seat sess session sgi_p sgi_rss sgid sgroup share sid sig sig_block sig_catch sig_ignore sig_pend sigcatch sigignore sigmask size sl
slice spid stackp start start_code start_stack start_time stat state status stime suid supgid supgrp suser svgid svgroup svuid svuser systime
sz taskid tdev tgid thcount tid time timens timeout times tmout tname tpgid trs trss tsess tsession tsid tsig tsiz tt tty tty4 tty8 u_procp
ucmd ucomm uid uid_hack umask uname unit upr uprocp user userns usertime usrpri uss util utime utsns uunit vm_data vm_exe vm_lib vm_lock
vm_stack vsize vsz wbytes wcbytes wchan wchars wname wops xstat zone zoneid`.split(/\s+/));

/** output.c's macro_array: names that stand for several columns. */
const MACROS: Record<string, string> = {
  DFMT: 'pid,tname,state,cputime,cmd', DefBSD: 'pid,tname,stat,bsdtime,args', DefSysV: 'pid,tname,time,cmd', END_BSD: 'state,tname,cputime,comm',
  END_SYS5: 'state,tname,time,command', F5FMT: 'uname,pid,ppid,c,start,tname,time,cmd', FB_: 'pid,tt,stat,time,command',
  FB_j: 'user,pid,ppid,pgid,sess,jobc,stat,tt,time,command', FB_l: 'uid,pid,ppid,cpu,pri,nice,vsz,rss,wchan,stat,tt,time,command',
  FB_u: 'user,pid,pcpu,pmem,vsz,rss,tt,stat,start,time,command', FB_v: 'pid,stat,time,sl,re,pagein,vsz,rss,lim,tsiz,pcpu,pmem,command',
  FD_: 'pid,tty,time,comm', FD_f: 'user,pid,ppid,start_time,tty,time,comm', FD_fj: 'user,pid,ppid,start_time,tty,time,pgid,sid,comm',
  FD_j: 'pid,tty,time,pgid,sid,comm', FD_l: 'flags,state,uid,pid,ppid,priority,nice,vsz,wchan,tty,time,comm',
  FD_lj: 'flags,state,uid,pid,ppid,priority,nice,vsz,wchan,tty,time,pgid,sid,comm', FL5FMT: 'f,state,uid,pid,ppid,pcpu,pri,nice,rss,wchan,start,time,command',
  FLASK_context: 'pid,context,command', HP_: 'pid,tty,time,comm', HP_f: 'user,pid,ppid,cpu,stime,tty,time,args',
  HP_fl: 'flags,state,user,pid,ppid,cpu,intpri,nice,addr,sz,wchan,stime,tty,time,args', HP_l: 'flags,state,uid,pid,ppid,cpu,intpri,nice,addr,sz,wchan,tty,time,comm',
  J390: 'pid,sid,pgrp,tname,atime,args', JFMT: 'user,pid,ppid,pgid,sess,jobc,state,tname,cputime,command',
  L5FMT: 'f,state,uid,pid,ppid,c,pri,nice,addr,sz,wchan,tt,time,ucmd', LFMT: 'uid,pid,ppid,cp,pri,nice,vsz,rss,wchan,state,tname,cputime,command',
  OL_X: 'pid,start_stack,esp,eip,timeout,alarm,stat,tname,bsdtime,args', OL_j: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
  OL_l: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args', OL_m: 'pid,tname,majflt,minflt,m_trs,m_drs,m_size,m_swap,rss,m_share,vm_lib,m_dt,args',
  OL_s: 'uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args', OL_u: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
  OL_v: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args', RD_: 'pid,tname,state,bsdtime,comm', RD_f: 'uid,pid,ppid,start_time,tname,bsdtime,args',
  RD_fj: 'uid,pid,ppid,start_time,tname,bsdtime,pgid,sid,args', RD_j: 'pid,tname,state,bsdtime,pgid,sid,comm',
  RD_l: 'flags,state,uid,pid,ppid,priority,nice,wchan,tname,bsdtime,comm', RD_lj: 'flags,state,uid,pid,ppid,priority,nice,wchan,tname,bsdtime,pgid,sid,comm',
  RUSAGE: 'minflt,majflt,nswap,inblock,oublock,msgsnd,msgrcv,nsigs,nvcsw,nivcsw', SCHED: 'user,pcpu,pri,usrpri,nice,psxpri,psr,policy,pset',
  SFMT: 'uid,pid,cursig,sig,sigmask,sigignore,sigcatch,stat,tname,command', Std_f: 'uid_hack,pid,ppid,c,stime,tname,time,cmd',
  Std_fl: 'f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd', Std_l: 'f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd',
  THREAD: 'user,pcpu,pri,scnt,wchan,usertime,systime', UFMT: 'uname,pid,pcpu,pmem,vsz,rss,tt,state,start,time,command',
  VFMT: 'pid,tt,state,time,sl,pagein,vsz,rss,pcpu,pmem,command',
};

/** do_one_spec: a column (or a macro's columns), undefined for a name procps does not know. */
function oneSpec(spec: string, override?: string): Col[] | undefined {
  if (KNOWN_SPECS.has(spec)) {
    const f = FORMATS[spec];
    const head = f?.head ?? spec.toUpperCase();
    let width = f ? (f.pidmax ? Math.max(PID_WIDTH, head.length) : f.width) : head.length;
    if (override !== undefined) width = Math.max(width, override.length);
    return [{ name: override ?? head, width, just: f?.just ?? 'R', pr: f?.pr, spec }];
  }
  const macro = MACROS[spec];
  return macro ? macro.split(',').flatMap((s) => oneSpec(s, override) ?? []) : undefined;
}

// Selection and format bits of ps/common.h.
const SS_U_a = 1, SS_U_d = 2, SS_B_x = 4, SS_B_g = 8, SS_B_a = 16;
const FF_Uf = 1, FF_Ul = 2, FF_Uj = 4, FF_Bu = 8, FF_Bj = 16, FF_Bl = 32, FF_Bs = 64, FF_Bv = 128, FF_LX = 256, FF_Lm = 512, FF_Fc = 1024;
const FM_F = 1, FM_c = 2, FM_j = 4, FM_y = 8, FM_P = 16, FM_M = 32;

type SelType = 'pid' | 'ppid' | 'comm' | 'euid' | 'ruid' | 'tty' | 'sess' | 'pgrp';

interface Sf {
  arg: string;
  code: 'U_o' | 'U_O' | 'B_o' | 'B_O' | 'G_format' | 'G_sort' | 'B_m';
}

/** What parser.c gathers from the command line. */
interface Opts {
  all: boolean;
  simple: number;
  fflags: number;
  fmods: number;
  bsdDefaults: boolean;
  forest: Forest;
  header: 0 | 'none' | 'multi';
  sf: Sf[];
  sel: { type: SelType; vals: (number | string)[] }[];
  negate: boolean;
  running: boolean;
  w: number;
  cols: number;
  rows: number;
  bsdC: boolean;
  unixF: boolean;
  /** The first option that is real but not simulated here. */
  missing?: string;
}

/** An option that ends ps at once (--help, -V). */
class Exit {
  readonly result: RunResult;
  constructor(result: RunResult) {
    this.result = result;
  }
}

/** do_help: the sections --help asks for, else the short usage errors end with. */
function usage(rc: number, section?: string): RunResult {
  const words: [string, string][] = [['simple', 's'], ['list', 'l'], ['output', 'o'], ['threads', 't'], ['misc', 'm'], ['all', 'a']];
  const i = section === undefined ? -1 : words.findIndex(([w, a]) => section === w || section === a);
  let out = '\nUsage:\n ps [options]\n';
  const want = (n: number) => i === n || i === 5;
  if (want(0)) out += `\nBasic options:\n -A, -e               all processes\n -a                   all with tty, except session leaders\n  a                   all with tty, including other users\n -d                   all except session leaders\n -N, --deselect       negate selection\n  r                   only running processes\n  T                   all processes on this terminal\n  x                   processes without controlling ttys\n`;
  if (want(1)) out += `\nSelection by list:\n -C <command>         command name\n -G, --Group <GID>    real group id or name\n -g, --group <group>  session or effective group name\n -p, p, --pid <PID>   process id\n        --ppid <PID>  parent process id\n -q, q, --quick-pid <PID>\n                      process id (quick mode)\n -s, --sid <session>  session id\n -t, t, --tty <tty>   terminal\n -u, U, --user <UID>  effective user id or name\n -U, --User <UID>     real user id or name\n\n  The selection options take as their argument either:\n    a comma-separated list e.g. '-u root,nobody' or\n    a blank-separated list e.g. '-p 123 4567'\n`;
  if (want(2)) out += `\nOutput formats:\n -D <format>          date format for lstart\n -F                   extra full\n -f                   full-format, including command lines\n  f, --forest         ascii art process tree\n -H                   show process hierarchy\n -j                   jobs format\n  j                   BSD job control format\n -l                   long format\n  l                   BSD long format\n -M, Z                add security data (for SELinux)\n -O <format>          preloaded with default columns\n  O <format>          as -O, with BSD personality\n -o, o, --format <format>\n                      user-defined format\n  -P                  add psr column\n  s                   signal format\n  u                   user-oriented format\n  v                   virtual memory format\n  X                   register format\n -y                   do not show flags, show rss vs. addr (used with -l)\n     --context        display security context (for SELinux)\n     --headers        repeat header lines, one per page\n     --no-headers     do not print header at all\n     --cols, --columns, --width <num>\n                      set screen width\n     --rows, --lines <num>\n                      set screen height\n`;
  if (want(3)) out += `\nShow threads:\n  H                   as if they were processes\n -L                   possibly with LWP and NLWP columns\n -m, m                after processes\n -T                   possibly with SPID column\n`;
  if (want(4)) out += `\nMiscellaneous options:\n -c                   show scheduling class with -l option\n  c                   show true command name\n  e                   show the environment after command\n  k,    --sort        specify sort order as: [+|-]key[,[+|-]key[,...]]\n  L                   show format specifiers\n  n                   display numeric uid and wchan\n  S,    --cumulative  include some dead child process data\n -y                   do not show flags, show rss (only with -l)\n -V, V, --version     display version information and exit\n -w, w                unlimited output width\n\n        --help <simple|list|output|threads|misc|all>\n                      display help and exit\n`;
  if (i < 0) out += `\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n`;
  out += '\nFor more details see ps(1).\n';
  return rc === 0 ? res(out) : res('', out, rc);
}

/** strtoul(str, &end, 0) as parse_pid reads it: a number, NaN for trailing junk, -1 for a negative one. */
function strtoul(s: string): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return s.trim() === '' ? 0 : NaN;
  const n = m[2].startsWith('0x') || m[2].startsWith('0X') ? parseInt(m[2], 16) : m[2].startsWith('0') ? parseInt(m[2] || '0', 8) : Number(m[2]);
  return m[1] === '-' && n ? -1 : n;
}

const parsePid = (s: string): number | string => {
  const n = strtoul(s);
  if (Number.isNaN(n)) return 'process ID list syntax error';
  if (n < 1 || n > 0x7fffffff) return 'process ID out of range';
  return n;
};

const parseUid = (s: string): number | string => {
  const n = strtoul(s);
  if (!Number.isNaN(n) && n >= 0) return n;
  return USERS[s] ?? 'user name does not exist';
};

/** The host's terminal devices (/dev/pts/0 is the learner's), for parse_tty's lookups. */
function isTty(name: string): boolean {
  return /^(pts\/0|tty|console|tty([0-9]|[1-5][0-9]|6[0-3])|ttyS([0-9]|[12][0-9]|3[01]))$/.test(name);
}

const parseTty = (s: string): string => {
  if (s.startsWith('/')) return s.startsWith('/dev/') && isTty(s.slice(5)) ? s.slice(5) : 'TTY could not be found';
  for (const name of [`pts/${s}`, s, `tty${s}`, `pty${s}`, `${s}nsole`]) if (isTty(name)) return name;
  if (s === '-' || s === '?') return '?';
  return 'TTY could not be found';
};

/** parse_list: a comma- or blank-separated list, each item through `fn`. */
function parseList<T>(arg: string, fn: (s: string) => T | string, ok: (v: T | string) => v is T): T[] | string {
  if (arg === '' || /^[ ,\t]|[ ,\t]$|[ ,\t]{2}/.test(arg)) return 'improper list';
  const out: T[] = [];
  for (const item of arg.split(/[ ,\t]/)) {
    const v = fn(item);
    if (!ok(v)) return v as string;
    out.push(v);
  }
  return out;
}

const isNum = (v: number | string): v is number => typeof v === 'number';
const isName = (v: string): v is string => v !== 'TTY could not be found';

/** The sandbox's message for an option it has no simulation of, once the line parses. */
function missing(o: Opts, what: string): void {
  o.missing ??= what;
}

function freshOpts(): Opts {
  return { all: false, simple: 0, fflags: 0, fmods: 0, bsdDefaults: false, forest: '', header: 0, sf: [], sel: [], negate: false, running: false, w: 0, cols: 0, rows: 0, bsdC: false, unixF: false };
}

/** parser.c's arg_parse over the words after `ps`: the options, or the error of the first pass. */
function parseArgs(argv: string[], forceBsd: boolean): Opts | string {
  const o = freshOpts();
  if (forceBsd) o.bsdDefaults = true;
  // An option that must stand alone: its error, or ps ends with its output.
  const exclusive = (x: string, result = res(`ps from ${VERSION}\n`)) => {
    if (argv.length !== 1 || argv[0] !== x) return `the option is exclusive: ${x}`;
    throw new Exit(result);
  };
  let i = 0;
  // get_opt_arg: the rest of this word, else the next word (unless it is empty).
  const optArg = (rest: string): string | undefined => {
    if (rest) return rest;
    if (i + 1 >= argv.length || argv[i + 1] === '') return undefined;
    return argv[++i];
  };
  const list = (type: SelType, arg: string | undefined, need: string, fn: (s: string) => number | string): string | undefined => {
    if (arg === undefined) return need;
    const v = type === 'tty' ? parseList(arg, parseTty, isName) : type === 'comm' ? parseList(arg, (s) => s, (x): x is string => true) : parseList(arg, fn, isNum);
    if (typeof v === 'string') return v;
    o.sel.push({ type, vals: v });
    return undefined;
  };
  const sysv = (word: string): string | undefined => {
    for (let k = 1; k < word.length; k++) {
      const c = word[k];
      const rest = word.slice(k + 1);
      switch (c) {
        case 'A': case 'e': o.all = true; break;
        case 'C': return list('comm', optArg(rest), 'list of command names must follow -C', parsePid);
        case 'D': if (optArg(rest) === undefined) return 'date format must follow -D'; missing(o, '-D (the lstart date format)'); return undefined;
        case 'F': o.fmods |= FM_F; o.fflags |= FF_Uf; o.unixF = true; break;
        case 'G': if (optArg(rest) === undefined) return 'list of real groups must follow -G'; missing(o, '-G (selection by group)'); return undefined;
        case 'H': o.forest = 'u'; break;
        case 'L': missing(o, '-L (threads)'); break;
        case 'M': case 'Z': o.fmods |= FM_M; break;
        case 'N': o.negate = true; break;
        case 'O': if (optArg(rest) === undefined) return 'format or sort specification must follow -O'; o.sf.push({ arg: word, code: 'U_O' }); return undefined;
        case 'P': o.fmods |= FM_P; break;
        case 'T': missing(o, '-T (threads)'); break;
        case 'U': return list('ruid', optArg(rest), 'list of real users must follow -U', parseUid);
        case 'V': return exclusive('-V');
        case 'a': o.simple |= SS_U_a; break;
        case 'c': o.fmods |= FM_c; break;
        case 'd': o.simple |= SS_U_d; break;
        case 'f': o.fflags |= FF_Uf; o.unixF = true; break;
        case 'g': {
          const a = optArg(rest);
          if (a === undefined) return 'list of session leaders OR effective group names must follow -g';
          const v = parseList(a, parsePid, isNum);
          if (typeof v !== 'string') o.sel.push({ type: 'sess', vals: v });
          else missing(o, '-g (selection by group)');
          return undefined;
        }
        case 'j': o.fmods |= FM_j; break;
        case 'l': o.fflags |= FF_Ul; break;
        case 'm': missing(o, '-m (threads)'); break;
        case 'o': {
          const a = optArg(rest);
          if (a === undefined) return 'format specification must follow -o';
          o.sf.push({ arg: a, code: 'U_o' });
          return undefined;
        }
        case 'p': return list('pid', optArg(rest), 'list of process IDs must follow -p', parsePid);
        case 'q': return list('pid', optArg(rest), 'List of process IDs must follow -q.', parsePid);
        case 's': return list('sess', optArg(rest), 'list of session IDs must follow -s', parsePid);
        case 't': return list('tty', optArg(rest), 'list of terminals (pty, tty...) must follow -t', parsePid);
        case 'u': return list('euid', optArg(rest), 'list of users must follow -u', parseUid);
        case 'w': o.w++; break;
        case 'x': return 'must set personality to get -x option';
        case 'y': o.fmods |= FM_y; break;
        case '-': return "embedded '-' among SysV options makes no sense";
        default: return 'unsupported SysV option';
      }
    }
    return undefined;
  };
  const bsd = (word: string): string | undefined => {
    if (!word.startsWith('-') && forceBsd) return 'second chance parse failed, not BSD or SysV';
    for (let k = word.startsWith('-') ? 1 : 0; k < word.length; k++) {
      const c = word[k];
      const rest = word.slice(k + 1);
      if (c >= '0' && c <= '9') return list('pid', word.slice(k), '', parsePid);
      switch (c) {
        case 'H': missing(o, 'H (threads)'); break;
        case 'L': return exclusive('L', notSimulated('ps', 'L (the list of format specifiers)'));
        case 'M': missing(o, 'M (threads)'); break;
        case 'O': if (optArg(rest) === undefined) return 'format or sort specification must follow O'; o.sf.push({ arg: word, code: 'B_O' }); return undefined;
        case 'S': break;
        case 'T': o.sel.push({ type: 'tty', vals: ['pts/0'] }); break;
        case 'U': return list('euid', optArg(rest), 'list of users must follow U', parseUid);
        case 'V': return exclusive('V');
        case 'W': return 'obsolete W option not supported (you have a /dev/drum?)';
        case 'X': o.fflags |= FF_LX; break;
        case 'Z': o.fmods |= FM_M; break;
        case 'a': o.simple |= SS_B_a; break;
        case 'c': o.bsdC = true; break;
        case 'e': missing(o, 'e (the environment after the command)'); break;
        case 'f': o.forest = 'b'; break;
        case 'g': o.simple |= SS_B_g; break;
        case 'h': if (o.header) return 'only one heading option may be specified'; o.header = 'none'; break;
        case 'j': o.fflags |= FF_Bj; break;
        case 'k': {
          const a = optArg(rest);
          if (a === undefined) return "long sort specification must follow 'k'";
          o.sf.push({ arg: a, code: 'G_sort' });
          return undefined;
        }
        case 'l': o.fflags |= FF_Bl; break;
        case 'm': if (forceBsd) o.fflags |= FF_Lm; else missing(o, 'm (threads)'); break;
        case 'n': missing(o, 'n (numeric user IDs)'); break;
        case 'o': {
          const a = optArg(rest);
          if (a === undefined) return 'format specification must follow o';
          o.sf.push({ arg: a, code: 'B_o' });
          return undefined;
        }
        case 'p': return list('pid', optArg(rest), 'list of process IDs must follow p', parsePid);
        case 'q': return list('pid', optArg(rest), 'List of process IDs must follow q.', parsePid);
        case 'r': o.running = true; break;
        case 's': o.fflags |= FF_Bs; break;
        case 't': {
          const a = optArg(rest);
          if (a === undefined) o.sel.push({ type: 'tty', vals: ['pts/0'] });
          else return list('tty', a, '', parsePid);
          return undefined;
        }
        case 'u': o.fflags |= FF_Bu; break;
        case 'v': o.fflags |= FF_Bv; break;
        case 'w': o.w++; break;
        case 'x': o.simple |= SS_B_x; break;
        case '-': return "embedded '-' among BSD options makes no sense";
        default: return 'unsupported option (BSD syntax)';
      }
    }
    return undefined;
  };
  const GNU = [
    'Group', 'User', 'cols', 'columns', 'context', 'cumulative', 'date-format', 'deselect', 'forest', 'format', 'group', 'header', 'headers', 'heading', 'headings',
    'info', 'lines', 'no-header', 'no-headers', 'no-heading', 'no-headings', 'noheader', 'noheaders', 'noheading', 'noheadings', 'pid', 'ppid', 'quick-pid',
    'rows', 'sid', 'sort', 'tty', 'user', 'version', 'width',
  ];
  const gnu = (word: string): string | undefined => {
    const s = word.slice(2);
    const sl = s.search(/[:=]|$/);
    const name = s.slice(0, sl);
    let tail = s.slice(sl);
    if (sl > 15) return 'unknown gnu long option';
    // grab_gnu_arg: after '=' or ':', else the next word.
    const arg = (): string | undefined => {
      if (tail) return tail.length > 1 ? tail.slice(1) : undefined;
      if (i + 1 >= argv.length || argv[i + 1] === '') return undefined;
      tail = '';
      return argv[++i];
    };
    if (!GNU.includes(name)) {
      if (name !== 'help') return 'unknown gnu long option';
      throw new Exit(usage(0, arg()));
    }
    switch (name) {
      case 'Group': case 'group': case 'sid':
        if (arg() === undefined) return name === 'sid' ? 'some sid thing(s) must follow --sid' : `list of ${name === 'Group' ? 'real' : 'effective'} groups must follow --${name}`;
        missing(o, `--${name}`);
        return undefined;
      case 'User': return list('ruid', arg(), 'list of real users must follow --User', parseUid);
      case 'user': return list('euid', arg(), 'list of effective users must follow --user', parseUid);
      case 'pid': return list('pid', arg(), 'list of process IDs must follow --pid', parsePid);
      case 'quick-pid': return list('pid', arg(), 'List of process IDs must follow --quick-pid.', parsePid);
      case 'ppid': return list('ppid', arg(), 'list of process IDs must follow --ppid', parsePid);
      case 'tty': return list('tty', arg(), 'list of ttys must follow --tty', parsePid);
      case 'cols': case 'columns': case 'width': case 'rows': case 'lines': {
        const a = arg();
        const n = a && /^\d+$/.test(a) ? Number(a) : NaN;
        const cols = name !== 'rows' && name !== 'lines';
        if (!(n > 0 && n < 2_000_000_000)) return cols ? 'number of columns must follow --cols, --width, or --columns' : 'number of rows must follow --rows or --lines';
        if (cols) o.cols = n;
        else o.rows = n;
        return undefined;
      }
      case 'cumulative': return tail ? 'option --cumulative does not take an argument' : undefined;
      case 'date-format': if (arg() === undefined) return 'date format must follow --date-format'; missing(o, '--date-format'); return undefined;
      case 'deselect': if (tail) return 'option --deselect does not take an argument'; o.negate = true; return undefined;
      case 'forest': if (tail) return 'option --forest does not take an argument'; o.forest = 'g'; return undefined;
      case 'format': {
        const a = arg();
        if (a === undefined) return 'format specification must follow --format';
        o.sf.push({ arg: a, code: 'G_format' });
        return undefined;
      }
      case 'sort': {
        const a = arg();
        if (a === undefined) return 'long sort specification must follow --sort';
        o.sf.push({ arg: a, code: 'G_sort' });
        return undefined;
      }
      case 'context': o.fflags |= FF_Fc; return undefined;
      case 'info': return exclusive('--info', notSimulated('ps', '--info'));
      case 'version': return exclusive('--version');
      default:
        if (name.startsWith('no')) {
          if (tail) return 'option --no-heading does not take an argument';
          if (o.header) return 'only one heading option may be specified';
          o.header = 'none';
          return undefined;
        }
        if (tail) return 'option --heading does not take an argument';
        if (o.header) return 'only one heading option may be specified';
        o.header = 'multi';
        return undefined;
    }
  };
  for (; i < argv.length; i++) {
    const word = argv[i];
    const c0 = word[0] ?? '';
    const c1 = word[1] ?? '';
    let err: string | undefined;
    if (/[a-zA-Z]/.test(c0)) {
      if (forceBsd) return 'way bad';
      o.bsdDefaults = true;
      err = bsd(word);
    } else if (/[0-9+]/.test(c0) || (c0 === '-' && /[0-9]/.test(c1))) {
      // Trailing PIDs (-PGRP, +SID): every word from here on.
      o.bsdDefaults = true;
      for (const w of argv.slice(i)) {
        const v = parsePid(w.replace(/^[-+]/, ''));
        if (typeof v === 'string') return v;
        o.sel.push({ type: w[0] === '-' ? 'pgrp' : w[0] === '+' ? 'sess' : 'pid', vals: [v] });
      }
      break;
    } else if (c0 === '-' && /[a-zA-Z]/.test(c1)) {
      if (forceBsd) {
        o.bsdDefaults = true;
        err = bsd(word);
      } else err = sysv(word);
    } else if (c0 === '-' && c1 === '-' && /[a-zA-Z]/.test(word[2] ?? '')) err = gnu(word);
    else return 'garbage option';
    if (err) return err;
  }
  return o;
}

/** One format specifier list (-o, o, --format), as format_parse reads it. */
function formatParse(arg: string): Col[] | string {
  const r = formatList(arg);
  // A list that does not parse is tried as AIX descriptors (%p %c), unless it is %cpu or %mem.
  if (typeof r === 'string' && arg.includes('%') && arg !== '%cpu' && !/^%cpu[ ,]/.test(arg) && !arg.startsWith('%m')) return 'AIX';
  return r;
}

function formatList(arg: string): Col[] | string {
  const items = arg.split(/[ ,\t\n]/);
  if (!arg.replace(/[ ,\t\n]/g, '')) return 'empty format list';
  // Items are counted as format_parse counts them; the last one keeps the rest of the text.
  const words: string[] = [];
  let s = arg.replace(/[ ,\t\n]$/, '');
  if (/^[ ,\t\n]|[ ,\t\n]{2}/.test(s)) return 'improper format list';
  const count = items.filter(Boolean).length;
  for (let k = 0; k < count; k++) {
    const m = /[ ,\t\n]/.exec(s);
    if (k < count - 1 && m) {
      words.push(s.slice(0, m.index));
      s = s.slice(m.index + 1);
    } else {
      words.push(s);
      break;
    }
  }
  const out: Col[] = [];
  for (const w of words) {
    const eq = w.indexOf('=');
    let spec = eq >= 0 ? w.slice(0, eq) : w;
    const override = eq >= 0 ? w.slice(eq + 1) : undefined;
    let width: number | undefined;
    const colon = spec.indexOf(':');
    if (colon >= 0) {
      const digits = spec.slice(colon + 1);
      if (!/^[1-9][0-9]*$/.test(digits)) return 'column widths must be unsigned decimal numbers';
      width = Number(digits);
      spec = spec.slice(0, colon);
    }
    const cols = oneSpec(spec, override);
    if (!cols) return `unknown user-defined format specifier "${spec}"`;
    if (width !== undefined) {
      if (cols.length > 1) return 'can not set width for a macro (multi-column) format specifier';
      cols[0].width = width;
    }
    out.push(...cols);
  }
  return out;
}

interface SortKey {
  spec: string;
  desc: boolean;
}

/** long_sort_parse: [+|-]key[,[+|-]key…]. */
function sortParse(arg: string): SortKey[] | string {
  if (!arg.replace(/[ ,\t\n]/g, '')) return 'empty sort list';
  const s = arg.replace(/[ ,\t\n]$/, '');
  if (/^[ ,\t\n]|[ ,\t\n]{2}/.test(s)) return 'improper sort list';
  const out: SortKey[] = [];
  for (const w of s.split(/[ ,\t\n]/)) {
    const desc = w.startsWith('-');
    const spec = w.replace(/^[-+]/, '');
    if (!KNOWN_SPECS.has(spec)) return 'unknown sort specifier';
    out.push({ spec, desc });
  }
  return out;
}

/** The keys the sandbox sorts by (sortValue knows them). */
const SORTABLE = new Set(`pid tgid ppid pgid pgrp sid sess session uid euid ruid user euser ruser uname uid_hack comm ucmd ucomm fname args cmd command
%cpu pcpu c cp %mem pmem rss rssize rsz vsz vsize sz start_time stime start lstart bsdstart etime etimes time cputime times cputimes bsdtime atime
tty tt tname tty8 stat state s nlwp thcount ni nice`.split(/\s+/));

/** The value a sort key orders by. */
function sortValue(spec: string, p: Row): number | string {
  switch (spec) {
    case 'pid': case 'tgid': return p.pid;
    case 'ppid': return p.ppid;
    case 'pgid': case 'pgrp': return p.pgid;
    case 'sid': case 'sess': case 'session': return p.sid;
    case 'uid': case 'euid': case 'ruid': return p.uid;
    case 'user': case 'euser': case 'ruser': case 'uname': case 'uid_hack': return p.user;
    case 'comm': case 'ucmd': case 'ucomm': case 'fname': return p.comm;
    case 'args': case 'cmd': case 'command': return cmdline(p);
    case '%cpu': case 'pcpu': case 'c': case 'cp': return p.permille;
    case '%mem': case 'pmem': case 'rss': case 'rssize': case 'rsz': return p.rss;
    case 'vsz': case 'vsize': case 'sz': return p.vsz;
    case 'start_time': case 'stime': case 'start': case 'lstart': case 'bsdstart': return p.start;
    case 'etime': case 'etimes': return -p.start;
    case 'time': case 'cputime': case 'times': case 'cputimes': case 'bsdtime': case 'atime': return p.cpuMs;
    case 'tty': case 'tt': case 'tname': case 'tty8': return p.tty;
    case 'stat': case 'state': case 's': return p.state;
    case 'nlwp': case 'thcount': return p.threads;
    default: return p.nice;
  }
}

/** What process_sf_options and select_bits_setup make of the options: columns, sort keys, selection. */
interface Plan {
  cols: Col[];
  sort: SortKey[];
}

function plan(o: Opts, env: Record<string, string>): Plan | string {
  let cols: Col[] | undefined;
  let sort: SortKey[] = [];
  let sorted = false;
  for (const sf of o.sf) {
    if (sf.code === 'G_sort' || sf.code === 'B_m') {
      if (sorted) return 'multiple sort options';
      const k = sortParse(sf.arg);
      if (typeof k === 'string') return k;
      sort = k;
      sorted = true;
      continue;
    }
    if (sf.code === 'U_O' || sf.code === 'B_O') {
      missing(o, 'O and -O (formats with the default columns)');
      continue;
    }
    const c = formatParse(sf.arg);
    if (c === 'AIX') {
      missing(o, 'AIX format descriptors (%p %c …)');
      continue;
    }
    if (typeof c === 'string') return c;
    cols = [...(cols ?? []), ...c];
  }
  if (!o.fflags && !o.fmods && !cols && env.PS_FORMAT) {
    const c = formatParse(env.PS_FORMAT);
    if (Array.isArray(c)) cols = c;
  }
  for (const k of sort) if (!SORTABLE.has(k.spec)) missing(o, `sorting by ${k.spec}`);
  if (cols) {
    if (o.fflags) return 'conflicting format options';
    if (o.fmods) return 'can not use output modifiers with user-defined output';
    for (const c of cols) if (!c.pr) missing(o, `the ${c.spec} column`);
    return { cols, sort };
  }
  const specs: string[] = [];
  switch (o.fflags) {
    case 0:
    case FF_Uf:
      if (o.fmods & FM_y) return 'modifier -y without format -l makes no sense';
      if (o.fmods & ~FM_F) missing(o, o.fmods & FM_j ? '-j (the jobs format)' : o.fmods & FM_c ? '-c (scheduling classes)' : o.fmods & FM_P ? '-P (the PSR column)' : '-M and Z (security labels)');
      // generate_sysv_list: -f's columns (and -F's), then BSD's or SysV's default tail.
      if (o.fflags & FF_Uf) specs.push('uid_hack', 'pid', 'ppid', 'c', ...(o.fmods & FM_F ? ['sz', 'rss', 'psr'] : []), 'stime');
      else specs.push('pid');
      specs.push('tname', ...(o.bsdDefaults ? ['stat', 'bsdtime', o.fflags ? 'cmd' : 'args'] : ['time', o.fflags ? 'cmd' : 'ucmd']));
      break;
    case FF_Bu:
      specs.push(...MACROS.OL_u.split(','));
      break;
    case FF_Ul:
    case FF_Uf | FF_Ul:
      missing(o, '-l (the long format)');
      break;
    case FF_Bj: case FF_Bl: case FF_Bs: case FF_Bv: case FF_LX: case FF_Lm: case FF_Fc: case FF_Uj:
      missing(o, {
        [FF_Bj]: 'j (the job control format)', [FF_Bl]: 'l (the long format)', [FF_Bs]: 's (the signal format)', [FF_Bv]: 'v (the virtual memory format)',
        [FF_LX]: 'X (the register format)', [FF_Lm]: 'm (the memory format)', [FF_Fc]: '--context (security contexts)', [FF_Uj]: '-j (the jobs format)',
      }[o.fflags]!);
      break;
    default:
      return 'conflicting format options';
  }
  return { cols: specs.flatMap((s) => oneSpec(s) ?? []), sort };
}

/** select_setup: what the simple selections (-a -d a x g) take, or undefined when they conflict. */
function simpleSelection(o: Opts): { myEuid?: boolean; myTty?: boolean; noLeader?: boolean; hasTty?: boolean; all?: boolean } | undefined {
  switch (o.simple) {
    case 0:
      // By default, my processes: on my terminal, or (BSD) on any terminal.
      return o.bsdDefaults ? { myEuid: true, hasTty: true } : { myEuid: true, myTty: true };
    case SS_U_a:
      return { noLeader: true, hasTty: true };
    case SS_U_d:
    case SS_U_a | SS_U_d:
      return { noLeader: true };
    case SS_B_a:
    case SS_B_a | SS_B_g:
      return { hasTty: true };
    case SS_B_x:
    case SS_B_x | SS_B_g:
      return { myEuid: true };
    case SS_B_a | SS_B_x:
    case SS_B_a | SS_B_x | SS_B_g:
      return { all: true };
    default:
      return undefined;
  }
}

/** want_this_proc: -e, then the simple selections, then the lists; r and -N last. The learner is root on pts/0. */
function wanted(o: Opts, p: Proc): boolean {
  const s = simpleSelection(o) ?? {};
  let ok = o.all || !!s.all;
  if (!ok && (o.simple || !o.sel.length)) ok = !(s.myEuid && p.uid !== 0) && !(s.myTty && p.tty !== 'pts/0') && !(s.noLeader && p.sid === p.pid) && !(s.hasTty && p.tty === '?');
  if (!ok) {
    ok = o.sel.some(({ type, vals }) =>
      vals.some((v) => {
        switch (type) {
          case 'pid': return p.pid === v;
          case 'ppid': return p.ppid === v;
          case 'pgrp': return p.pgid === v;
          case 'sess': return p.sid === v;
          case 'euid': case 'ruid': return p.uid === v;
          case 'tty': return p.tty === v;
          case 'comm': {
            // A name longer than comm's 15 characters matches the comm it was cut to.
            const name = String(v);
            return p.comm === name.slice(0, 63) || (p.comm.length === 15 && name.length >= 15 && p.comm === name.slice(0, 15));
          }
        }
      }),
    );
  }
  if (o.running && p.state !== 'R' && p.state !== 'D') ok = false;
  return o.negate ? !ok : ok;
}

/** show_one_proc: one line, `null` for the header; columns past their width push the next ones. */
function line(cols: Col[], p: Row | null, activeCols: number, o: Omit<PrCtx, 'room'>): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k];
    const last = k === cols.length - 1;
    let room: number;
    let tmpspace = 0;
    if (!last) room = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    room = Math.min(Math.max(room, 0), OUTBUF_SIZE - 1);
    let text = p ? (col.pr?.(p, { ...o, room }) ?? '-') : col.name;
    let leftpad = 0;
    if (col.just === 'R') leftpad = Math.max(0, col.width - text.length);
    if (col.just === 'X' && activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    space = Math.min(space, 144);
    out += ' '.repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += col.width + 1;
    dospace = 1;
  }
  return out + '\n';
}

/** check_header_width: the screen width times as many as the widest line needs. */
function activeWidth(cols: Col[], screen: number): number {
  let total = 0;
  cols.forEach((c, k) => {
    total += (k > 0 ? 1 : 0) + (c.just === 'X' && k === cols.length - 1 ? 3 : c.width);
  });
  let n = 1;
  while (screen * n < total && screen * n < OUTBUF_SIZE / 2) n++;
  return screen * n;
}

/** ps: the host's processes, selected, sorted and laid out as procps-ng's ps does. */
export const ps: CommandFn = (ctx) => {
  const argv = ctx.argv.slice(1);
  let o: Opts | string;
  try {
    o = parseArgs(argv, false);
    let p = typeof o === 'string' ? undefined : plan(o, ctx.env);
    if (typeof o !== 'string' && typeof p !== 'string' && !simpleSelection(o)) p = 'process selection options conflict';
    if (typeof o === 'string' || typeof p === 'string') {
      // The second chance, as BSD; the first pass's error if it fails too.
      const first = typeof o === 'string' ? o : (p as string);
      const again = parseArgs(argv, true);
      const p2 = typeof again === 'string' ? again : plan(again, ctx.env);
      if (typeof again === 'string' || typeof p2 === 'string' || !simpleSelection(again)) {
        const help = usage(1);
        return res('', `error: ${first}\n${help.stderr}`, 1);
      }
      o = again;
      p = p2;
    }
    if (o.missing) return notSimulated('ps', o.missing);
    return render(ctx, o, p as Plan);
  } catch (e) {
    if (e instanceof Exit) return e.result;
    throw e;
  }
};

function render(ctx: CommandContext, o: Opts, p: Plan): RunResult {
  const now = ctx.world.clock.now();
  // set_screen_size: the terminal's width, unlimited into a pipe; COLUMNS wins, then --cols, then w.
  let screen = ctx.stdoutIsTTY === false ? OUTBUF_SIZE : (ctx.columns ?? 80);
  const columns = ctx.env.COLUMNS;
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0 && Number(columns) < OUTBUF_SIZE) screen = Number(columns);
  if (o.cols) screen = o.cols;
  if (o.w && screen < 132) screen = 132;
  if (o.w > 1) screen = OUTBUF_SIZE;
  let rows = 24;
  if (ctx.env.LINES && /^\d+$/.test(ctx.env.LINES) && Number(ctx.env.LINES) > 0) rows = Number(ctx.env.LINES);
  if (o.rows) rows = o.rows;

  const all: Row[] = hostProcesses(ctx.world, ctx.host, ctx.argv).map((q) => {
    const ms = now - q.start;
    return { ...q, prefix: '', permille: ms >= 1000 ? Math.floor((q.cpuMs * 1000) / ms) : 0 };
  });
  let rowsOut = all.filter((q) => wanted(o, q));
  const cmp = (keys: SortKey[]) => (a: Row, b: Row) => {
    for (const k of keys) {
      const x = sortValue(k.spec, a);
      const y = sortValue(k.spec, b);
      if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
    }
    return 0;
  };
  if (o.forest) {
    // prep_forest_sort: by start time (or the given keys), then by parent; trees from the last root up.
    const sorted = [...rowsOut].sort(cmp(p.sort.length ? p.sort : [{ spec: 'start_time', desc: false }])).sort(cmp([{ spec: 'ppid', desc: false }]));
    const ordered: Row[] = [];
    const prefix: string[] = [];
    const tree = (self: number, level: number, sibling: boolean) => {
      if (level) prefix[level - 1] = sibling ? '+' : 'L';
      prefix.length = level;
      ordered.push({ ...sorted[self], prefix: prefix.join('') });
      const first = sorted.findIndex((q) => q.ppid === sorted[self].pid);
      if (first < 0) return;
      if (level) prefix[level - 1] = sibling ? '|' : ' ';
      prefix.length = level;
      for (let k = first; k < sorted.length && sorted[k].ppid === sorted[self].pid; k++) {
        tree(k, level + 1, k + 1 < sorted.length && sorted[k + 1].ppid === sorted[self].pid);
        prefix.length = level;
      }
    };
    for (let k = sorted.length - 1; k >= 0; k--) if (!sorted.some((q) => q.pid === sorted[k].ppid)) tree(k, 0, false);
    rowsOut = ordered;
  } else if (p.sort.length) rowsOut = [...rowsOut].sort(cmp(p.sort));

  const cols = p.cols;
  const active = activeWidth(cols, screen);
  const pr = { now, unixF: o.unixF, bsdC: o.bsdC, forest: o.forest };
  const header = o.header !== 'none' && cols.some((c) => c.name !== '' && c.pr) ? line(cols, null, active, pr) : '';
  let out = '';
  rowsOut.forEach((q, k) => {
    if (header && (k === 0 || (o.header === 'multi' && k % (rows - 1) === 0))) out += header;
    out += line(cols, q, active, pr);
  });
  if (!rowsOut.length) return res(header, '', 1);
  return res(out);
}

/** A POSIX ERE as a JavaScript RegExp (bracket classes, \< \>), or regerror's text when regcomp refuses it. */
function ere(pattern: string, flags: string): RegExp | string {
  const classes: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f' };
  let opens = 0;
  let src = '';
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k];
    if (c === '\\') {
      const n = pattern[k + 1];
      if (n === undefined) return 'Trailing backslash';
      src += n === '<' || n === '>' ? '\\b' : `\\${n}`;
      k++;
    } else if (c === '[') {
      const end = /^\[\^?\]?(\[:[a-z]+:\]|[^\]])*\]/.exec(pattern.slice(k));
      if (!end) return 'Unmatched [, [^, [:, [., or [=';
      src += end[0].replace(/\[:([a-z]+):\]/g, (m, n: string) => classes[n] ?? m).replace(/\\/g, '\\\\').replace(/^\[(\^?)\]/, '[$1\\]');
      k += end[0].length - 1;
    } else {
      if (c === '(') opens++;
      if (c === ')') {
        if (!opens) return 'Unmatched ) or \\)';
        opens--;
      }
      src += c;
    }
  }
  if (opens) return 'Unmatched ( or \\(';
  try {
    return new RegExp(src, flags);
  } catch {
    return 'Invalid preceding regular expression';
  }
}

const PGREP_USAGE = `
Usage:
 pgrep [options] <pattern>

Options:
 -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
 -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
     --signal <sig>        signal to send (either number or name)
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts
  --env <name=val,...>     match on environment variable

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pgrep(1).
`;

const PGREP_LONG: Record<string, string> = {
  signal: 'signal:', 'ignore-ancestors': 'A', 'require-handler': 'H', count: 'c',
  cgroup: 'cgroup:', delimiter: 'd:', 'list-name': 'l', 'list-full': 'a',
  full: 'f', pgroup: 'g:', group: 'G:', 'ignore-case': 'i',
  newest: 'n', oldest: 'o', older: 'O:', parent: 'P:',
  session: 's:', terminal: 't:', euid: 'u:', uid: 'U:',
  inverse: 'v', lightweight: 'w', exact: 'x', pidfile: 'F:',
  logpidfile: 'L', echo: 'e', ns: 'ns:', nslist: 'nslist:',
  queue: 'q:', runstates: 'r:', env: 'env:', help: 'h', version: 'V',
};

/** The processes whose parents lead up to this command (pgrep -A leaves them out). */
function ancestors(procs: Proc[], self: Proc | undefined): Set<number> {
  const out = new Set<number>();
  let p = self;
  while (p && p.ppid) {
    out.add(p.ppid);
    p = procs.find((q) => q.pid === p!.ppid);
  }
  return out;
}

/** pgrep: the PIDs whose name (or, with -f, command line) an extended regular expression matches. */
export const pgrep: CommandFn = (ctx) => {
  const g = getopt(ctx.argv, 'pgrep', 'lad:vwLF:cfinoxP:O:AHg:s:u:U:G:t:r:?Vh', PGREP_LONG);
  if (g.error) return res('', g.error + PGREP_USAGE, 2);
  const has = (k: string) => g.flags.has(k) || g.values.has(k);
  if (has('?')) return res('', PGREP_USAGE, 2);
  if (has('h')) return res(PGREP_USAGE);
  if (has('V')) return res(`pgrep from ${VERSION}\n`);
  // Each option as pgrep.c checks it, in the order the words came.
  if ((['n', 'o', 'v'] as const).filter(has).length > 1) return res('', PGREP_USAGE, 2);
  for (const k of ['F', 'L', 'G', 'ns', 'nslist', 'cgroup', 'env', 'H', 'signal', 'q', 'e']) if (has(k)) return notSimulated('pgrep', k.length > 1 ? `--${k}` : `-${k}`);
  const lists = new Map<string, number[] | string[]>();
  const num = (k: string, what: string): string | undefined => {
    const raw = last(g, k);
    if (raw === undefined) return undefined;
    if (raw === '') return PGREP_USAGE;
    const out: number[] = [];
    for (const item of raw.split(',')) {
      if (!/^[+-]?\d+$/.test(item)) return `pgrep: ${what}: ${item}\n`;
      out.push(Number(item));
    }
    lists.set(k, out);
    return undefined;
  };
  const users = (k: string): string | undefined => {
    const raw = last(g, k);
    if (raw === undefined) return undefined;
    if (raw === '') return PGREP_USAGE;
    const out: number[] = [];
    for (const item of raw.split(',')) {
      const uid = /^[+-]?\d+$/.test(item) ? Number(item) : USERS[item];
      if (uid === undefined) return `pgrep: invalid user name: ${item}\n`;
      out.push(uid);
    }
    lists.set(k, out);
    return undefined;
  };
  const bad = num('P', 'not a number') ?? num('g', 'invalid process group') ?? num('s', 'invalid session id') ?? users('u') ?? users('U');
  if (bad) return res('', bad, 2);
  if (has('t')) {
    if (!last(g, 't')) return res('', PGREP_USAGE, 2);
    lists.set('t', last(g, 't')!.split(','));
  }
  const criteria = ['P', 'g', 's', 'u', 'U', 't', 'n', 'o', 'O', 'r'].filter(has).length;
  if (g.args.length > 1) return res('', "pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n", 2);
  const pattern = g.args[0];
  if (pattern === undefined && !criteria) return res('', "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", 2);
  let re: RegExp | undefined;
  if (pattern !== undefined) {
    const r = ere(has('x') ? `^(${pattern})$` : pattern, has('i') ? 'i' : '');
    if (typeof r === 'string') return res('', `pgrep: regex error: ${r}\n`, 2);
    re = r;
  }
  const procs = hostProcesses(ctx.world, ctx.host, ctx.argv);
  const self = procs[procs.length - 1];
  const skip = has('A') ? ancestors(procs, self) : new Set<number>();
  const now = ctx.world.clock.now();
  const older = Number(last(g, 'O') ?? 0) || 0;
  const states = last(g, 'r');
  const inList = (k: string, v: number | string) => !lists.has(k) || (lists.get(k) as (number | string)[]).includes(v);
  let matched: Proc[] = [];
  for (const p of procs) {
    if (p === self || skip.has(p.pid)) continue;
    let match = inList('P', p.ppid) && inList('g', p.pgid) && inList('u', p.uid) && inList('U', p.uid) && inList('s', p.sid) && inList('t', p.tty);
    if (match && has('O') && Math.floor((now - p.start) / 1000) < older) match = false;
    if (match && states !== undefined && !states.includes(p.state)) match = false;
    if (match && re && !re.test(has('f') ? cmdline(p) : p.comm)) match = false;
    if (match !== has('v')) matched.push(p);
  }
  // -n and -o keep one: the latest (or earliest) start, the higher (or lower) PID on a tie.
  if (has('n') && matched.length) matched = [matched.reduce((a, b) => (b.start > a.start || (b.start === a.start && b.pid > a.pid) ? b : a))];
  if (has('o') && matched.length) matched = [matched.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.pid < a.pid) ? b : a))];
  const warn = !matched.length && !has('f') && pattern !== undefined && pattern.length > 15 && !/[|[]/.test(pattern)
    ? "pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n"
    : '';
  if (has('c')) return res(`${matched.length}\n`, warn, matched.length ? 0 : 1);
  const delim = last(g, 'd') ?? '\n';
  const items = matched.map((p) => (has('a') ? `${p.pid} ${cmdline(p)}` : has('l') ? `${p.pid} ${p.comm}` : String(p.pid)));
  return res(items.length ? items.join(delim) + '\n' : '', warn, matched.length ? 0 : 1);
};

const PIDOF_USAGE = `
Usage:
 pidof [options] [program [...]]

Options:
 -s, --single-shot         return one PID only
 -c, --check-root          omit processes with different root
 -q,                       quiet mode, only set the exit code
 -w, --with-workers        show kernel workers too
 -x                        also find shells running the named scripts
 -o, --omit-pid <PID,...>  omit processes with PID
 -S, --separator SEP       use SEP as separator put between PIDs
 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pidof(1).
`;

const PIDOF_LONG: Record<string, string> = {
  'check-root': 'c', 'single-shot': 's', 'omit-pid': 'o:', separator: 'S:',
  quiet: 'q', 'with-workers': 'w', help: 'h', version: 'V',
};

/** pidof: the PIDs of the named programs, highest first. */
export const pidof: CommandFn = (ctx) => {
  const g = getopt(ctx.argv, 'pidof', 'scnqxwmo:S:?Vh', PIDOF_LONG);
  if (g.error) return res('', g.error + PIDOF_USAGE, 1);
  const has = (k: string) => g.flags.has(k) || g.values.has(k);
  if (has('?')) return res('', PIDOF_USAGE, 1);
  if (has('h')) return res(PIDOF_USAGE);
  if (has('V')) return res(`pidof from ${VERSION}\n`);
  const procs = hostProcesses(ctx.world, ctx.host, ctx.argv);
  const bash = procs.find((p) => p.pid === procs[procs.length - 1].ppid)?.pid;
  let warn = '';
  const omit = new Set<number>();
  for (const list of g.values.get('o') ?? []) {
    for (const item of list.split(/[,;:]/).filter(Boolean)) {
      if (item === '%PPID') omit.add(bash ?? 1);
      else if (/^\d+$/.test(item)) omit.add(Number(item));
      else warn += `pidof: illegal omit pid value (${item})!\n\n`;
    }
  }
  const sep = last(g, 'S') ?? ' ';
  const single = has('s') || has('q');
  const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);
  let out = '';
  let found = false;
  for (const program of g.args) {
    if (!program) continue;
    const hits = procs.filter((p) => {
      if (omit.has(p.pid) || (!p.argv.length && !has('w'))) return false;
      const arg0 = (p.argv[0] ?? '').replace(/^-/, '');
      if (program === base(arg0) || base(program) === arg0 || program === arg0 || (has('w') && program === p.comm) || program === base(p.exe) || program === p.exe) return true;
      if (has('x') && p.argv[1] && p.comm && base(p.argv[1]).startsWith(p.comm) && (program === base(p.argv[1]) || base(program) === p.argv[1] || program === p.argv[1])) return true;
      // A process that rewrote its title (nginx: master process …): its comm.
      return arg0.includes(' ') && program === p.comm;
    });
    if (!hits.length) continue;
    found = true;
    for (const p of [...hits].reverse()) {
      if (!has('q')) out += (out ? sep : '') + p.pid;
      if (single) break;
    }
  }
  return res(!has('q') && found ? out + '\n' : '', warn, found ? 0 : 1);
};
