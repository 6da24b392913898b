//! Build benchmark: generates a synthetic journal of N Chinese articles and
//! builds it, printing articles per second and peak memory.
//!
//!     cargo bench --bench build                      # 10,000 articles
//!     cargo bench --bench build -- --articles 1000
//!     cargo bench --bench build -- --articles 1000 --keep /tmp/j --hugo
//!     cargo bench --bench build -- --cached          # also: one changed article, with the build cache
//!
//! `--keep DIR` leaves the generated journal in DIR; `--hugo` also writes
//! minimal Hugo layouts there so `hugo --source DIR` builds the same corpus.
//! The text is generated from a fixed seed: every run builds the same journal.
//!
//! `--cached` then measures what a CI job after one changed article takes
//! with the build cache on disk (`.casebook-cache/`): the journal is made a
//! git repository, `casebook build` and `check` run once to fill their
//! caches, then, after one article is changed and committed, each runs
//! `--runs N` times (default 5) with a line appended to that article before
//! each run; the median is printed, with a `--no-cache` build's for
//! comparison. Each run is a process of its own, as in CI.

use std::path::{Path, PathBuf};
use std::time::Instant;

use casebook::build::{build, BuildOptions};
use casebook::config::COMPETENCIES;

const PHRASES: &[&str] = &[
    "客戶來電表示商品到貨後發現外盒破損，要求立即換貨",
    "我先確認訂單編號與出貨紀錄，再向客戶說明處理時程",
    "客戶情緒激動，認為我們拖延退款，揚言要向消費者保護單位投訴",
    "依照七天鑑賞期的規定，拆封後仍可退貨，但需保持商品完整",
    "系統顯示帳單重複扣款，財務部門確認後會在三個工作天內退回",
    "主管建議先安撫情緒，再提出兩個可行方案讓客戶選擇",
    "這次經驗讓我明白，先聽完客戶的話比急著解釋規則更重要",
    "物流商回覆包裹卡在轉運站，預計明天下午重新配送",
    "客戶希望保固期滿後仍能免費維修，我們提供了折扣方案",
    "線上對話中客戶多次重複同一個問題，表示前面的回答沒有解決他的疑慮",
    "我們在晨會上討論這個案例，大家提出不同的處理方式",
    "事後追蹤時，客戶表示對處理結果滿意，並感謝專員的耐心",
    "根本原因是出貨系統的地址欄位沒有驗證，導致包裹寄錯地方",
    "下次遇到類似狀況，應該先查詢物流狀態，再主動回電給客戶",
    "The customer asked for a refund on order ORD38201577 after error E1042",
    "長輩不熟悉網路操作，我們改用電話一步一步引導完成設定",
];
const TAGS: &[&str] = &[
    "退換貨",
    "帳單爭議",
    "物流延誤",
    "越級投訴",
    "情緒安撫",
    "保固維修",
    "系統故障",
    "退款",
    "新人培訓",
    "晨會",
    "老年客戶",
    "社群媒體",
    "VIP客戶",
    "團隊管理",
    "工作心得",
    "案例寫作",
    "發票",
    "會員點數",
    "帳號安全",
    "預購",
];
const CHANNELS: &[&str] = &["phone", "chat", "email", "social", "walk-in"];
const OUTCOMES: &[&str] = &["resolved", "escalated", "open", "closed"];
const PRODUCTS: &[&str] = &["AirWave Pro 耳機", "SmartHome 路由器", "Lumi 平板", "電暖器 H2", "咖啡機 C5", "會員方案"];
const AUTHORS: &[&str] = &[
    "chen-meiling",
    "lin-zhiwei",
    "wang-xiaohua",
    "zhang-yating",
    "huang-jiahao",
    "li-shufen",
    "wu-guanting",
    "cai-yiru",
];

/// Common characters of service writing, for generated words.
const CHARS: &str = "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物臺象記邊共風戰干接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離虽壞";

/// A sentence of generated two-character words, common ones far more often
/// than rare ones (roughly Zipf), so posting lists look like real text's.
fn sentence(rng: &mut Rng) -> String {
    let chars: Vec<char> = CHARS.chars().collect();
    let mut out = String::new();
    for _ in 0..4 + rng.below(8) {
        let u = (rng.next() % 100_000) as f64 / 100_000.0;
        let word = ((u * u * u) * 20_000.0) as usize;
        out.push(chars[word % chars.len()]);
        out.push(chars[(word / chars.len() + word * 7) % chars.len()]);
        if rng.below(40) == 0 {
            out.push_str(&format!(" ORD38{:06} ", rng.below(1_000_000)));
        }
    }
    out
}

/// A small deterministic generator (64-bit LCG): no dependency, same text every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn article(rng: &mut Rng, i: usize) -> (String, String) {
    let is_case = !i.is_multiple_of(4);
    let section = if is_case { "cases" } else { "essays" };
    let target = 500 + rng.below(2500);
    let mut body = String::new();
    let headings = ["背景", "處理過程", "結果", "根本原因", "經驗教訓"];
    let mut h = 0;
    while body.chars().count() < target {
        if h < headings.len() && body.chars().count() >= h * target / headings.len() {
            body.push_str(&format!("\n## {}\n\n", headings[h]));
            h += 1;
        }
        if rng.below(3) == 0 {
            body.push_str(rng.pick(PHRASES));
        } else {
            body.push_str(&sentence(rng));
        }
        body.push_str(if rng.below(4) == 0 { "。\n\n" } else { "。" });
    }
    let mut tags: Vec<&str> = (0..1 + rng.below(3)).map(|_| rng.pick(TAGS)).collect();
    tags.dedup();
    let date = format!("20{:02}-{:02}-{:02}", 20 + rng.below(7), 1 + rng.below(12), 1 + rng.below(28));
    let mut fm = format!(
        "---\ntitle: 案例 {i}：{}\ndate: {date}\nauthors: [{}]\ntags: [{}]\n",
        rng.pick(PHRASES).chars().take(14).collect::<String>(),
        rng.pick(AUTHORS),
        tags.join(", ")
    );
    if is_case {
        fm.push_str(&format!(
            "channel: {}\nproduct: {}\noutcome: {}\nsatisfaction: {}\ncompetencies: [{}]\n",
            rng.pick(CHANNELS),
            rng.pick(PRODUCTS),
            rng.pick(OUTCOMES),
            1 + rng.below(5),
            rng.pick(&COMPETENCIES)
        ));
    }
    fm.push_str("---\n");
    (format!("content/{section}/{i:05}.md"), fm + &body)
}

fn generate(root: &Path, n: usize, hugo: bool) {
    let _ = std::fs::remove_dir_all(root.join("content"));
    let mut rng = Rng(20261123);
    for i in 0..n {
        let (rel, text) = article(&mut rng, i);
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(root.join("casebook.yaml"), "title: 基準測試期刊\nbase_url: https://intranet.example/journal/\n")
        .unwrap();
    if hugo {
        // Minimal Hugo layouts that render the same pages: article, lists, taxonomies.
        std::fs::write(
            root.join("hugo.toml"),
            "baseURL = 'https://intranet.example/journal/'\ntitle = '基準測試期刊'\nhasCJKLanguage = true\n[taxonomies]\ntag = 'tags'\nchannel = 'channel'\ncompetency = 'competencies'\nproduct = 'product'\noutcome = 'outcome'\n[pagination]\npagerSize = 20\n",
        )
        .unwrap();
        let layouts = root.join("layouts/_default");
        std::fs::create_dir_all(&layouts).unwrap();
        std::fs::write(layouts.join("baseof.html"), "<!DOCTYPE html><html lang=\"zh-Hant\"><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n").unwrap();
        std::fs::write(layouts.join("single.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }} · {{ .ReadingTime }} min</p>{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}/\">{{ . }}</a>{{ end }}{{ .TableOfContents }}{{ .Content }}{{ end }}\n").unwrap();
        std::fs::write(layouts.join("list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ range (.Paginate .Pages).Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}{{ end }}\n").unwrap();
    }
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let n: usize = value("--articles").and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let hugo = args.iter().any(|a| a == "--hugo");
    let tmp = std::env::temp_dir().join(format!("casebook-bench-{}", std::process::id()));
    let root: PathBuf = value("--keep").map(PathBuf::from).unwrap_or(tmp.clone());
    std::fs::create_dir_all(&root).unwrap();

    let t = Instant::now();
    generate(&root, n, hugo);
    eprintln!("generated {n} articles in {} in {:.2} s", root.display(), t.elapsed().as_secs_f64());
    if args.iter().any(|a| a == "--no-build") {
        return;
    }

    let t = Instant::now();
    let built = build(&BuildOptions { root: root.clone(), ..Default::default() });
    let files = built.files.expect("the generated journal builds");
    let out = root.join("public");
    casebook::output::write_site(&root, &out, &files).unwrap();
    let secs = t.elapsed().as_secs_f64();
    let tm = &built.timings;
    println!(
        "casebook: {n} articles, {} files in {secs:.2} s = {:.0} articles/s (read {:.2} s, markdown {:.2} s, render {:.2} s of which search index {:.2} s, write {:.2} s); peak memory {:.0} MiB; search: {} terms in {} shards, {:.1} MB",
        files.len(),
        n as f64 / secs,
        tm.load.as_secs_f64(),
        tm.markdown.as_secs_f64(),
        tm.render.as_secs_f64(),
        tm.search.as_secs_f64(),
        secs - (tm.load + tm.markdown + tm.render).as_secs_f64(),
        peak_memory_mib().unwrap_or(f64::NAN),
        built.search.terms,
        built.search.shards,
        built.search.bytes as f64 / 1e6
    );
    if args.iter().any(|a| a == "--cached") {
        let runs = value("--runs").and_then(|v| v.parse().ok()).unwrap_or(5);
        cached(&root, runs);
    }
    if value("--keep").is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
}

/// Runs `casebook ARGS` in `root` and returns how long it took; panics if it fails.
fn timed(root: &Path, args: &[&str]) -> f64 {
    let t = Instant::now();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .current_dir(root)
        .env("CASEBOOK_LANG", "en")
        .env_remove("CASEBOOK_NO_CACHE")
        .output()
        .unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert!(o.status.code().is_some_and(|c| c <= 1), "casebook {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    secs
}

fn git(root: &Path, args: &[&str]) {
    let o = std::process::Command::new("git")
        .args(["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The `--cached` measurements (see the module's text).
fn cached(root: &Path, runs: usize) {
    let _ = std::fs::remove_dir_all(root.join(".git"));
    let _ = std::fs::remove_dir_all(root.join(".casebook-cache"));
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "the generated journal"]);
    let out = root.join("public");
    let out = out.to_str().unwrap();
    let build = ["build", "-q", "--output", out];
    let check = ["check", "--changed-since", "HEAD~1"];
    let article = root.join("content/cases/00001.md");
    let change = |n: usize| {
        let text = std::fs::read_to_string(&article).unwrap();
        std::fs::write(&article, format!("{text}\n補充第 {n} 次：客戶再次來電確認。\n")).unwrap();
    };
    change(0);
    git(root, &["commit", "-qam", "one changed article"]);
    let cold = timed(root, &build);
    let cold_check = timed(root, &check);
    let mut warm = Vec::new();
    let mut warm_check = Vec::new();
    let mut clean = Vec::new();
    for n in 1..=runs {
        change(n);
        git(root, &["commit", "-qam", "one more change"]);
        warm.push(timed(root, &build));
        warm_check.push(timed(root, &check));
    }
    for _ in 0..runs {
        clean.push(timed(root, &[&build[..], &["--no-cache"]].concat()));
    }
    let size = std::fs::metadata(root.join(".casebook-cache/build.bin")).map_or(0, |m| m.len());
    println!(
        "cached: after one changed article, median of {runs}: build {:.2} s (--no-cache {:.2} s; first, filling the cache {cold:.2} s), check --changed-since HEAD~1 {:.2} s (first {cold_check:.2} s); build cache {:.0} MB",
        median(warm),
        median(clean),
        median(warm_check),
        size as f64 / 1e6
    );
}
