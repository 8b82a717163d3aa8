"""Panduan Staf Bagian Organisasi: windows, verification, chasing, the year-end report, accounts.

Screenshots: the staff account ``organisasi`` on the demo data (seed_demo), TW IV 2020 open.
"""

from guide.guides import Guide, Page, Section, Step, Target

PROMOSI = ("activity", "Promosi jabatan secara terbuka.")  # BKD's; its TW III 2020 report awaits review
GRATIFIKASI = ("activity", "Penanganan gratifikasi.")  # Inspektorat's; so does its TW III 2020 report

WINDOWS = Section(
    slug="jendela-pelaporan",
    title="Membuka dan menutup jendela pelaporan",
    intro=(
        "Admin Perangkat Daerah hanya dapat melapor pada periode yang jendelanya terbuka. Bukalah "
        "jendela setiap awal masa pelaporan dan tutup setelah batas akhirnya."
    ),
    steps=(
        Step(
            title="Buka halaman Jendela pelaporan",
            text=(
                "Buka menu akun (nama Anda di kanan atas) dan pilih *Jendela pelaporan*. Tabelnya "
                "menunjukkan setiap periode: *Terbuka* atau *Ditutup*, *Batas akhir*, dan siapa yang "
                "terakhir mengubahnya."
            ),
            page=Page("monev:windows"),
            target=Target("heading", "Jendela pelaporan"),
        ),
        Step(
            title="Buka periode baru",
            text=(
                "Di *Buka atau tutup jendela*, isi *Tahun*, pilih *Periode*, pilih *Status* Terbuka dan "
                "isi *Batas akhir*, lalu tekan *Simpan*. Admin Perangkat Daerah menerima surel bahwa "
                "jendela dibuka, dan pengingat bila batas akhir sudah dekat sementara laporannya "
                "belum lengkap."
            ),
            page=Page("monev:windows"),
            target=Target("heading", "Buka atau tutup jendela"),
            fill=(
                ("Tahun", "2021"),
                ("Periode", "TW I"),
                ("Status", "Terbuka"),
                ("Batas akhir", "2021-04-15"),
            ),
        ),
        Step(
            title="Tutup, atau buka kembali dengan alasan",
            text=(
                "Tekan *Tutup* di baris periode yang sudah lewat batas akhirnya: laporan periode itu "
                "terkunci bagi admin Perangkat Daerah. Untuk membuka kembali periode yang sudah "
                "ditutup, tulis alasannya di kotak di barisnya lalu tekan *Buka*; alasan itu dicatat."
            ),
            page=Page("monev:windows"),
            target=Target("button", "Tutup"),
        ),
    ),
)

REOPEN_ITEM = Section(
    slug="buka-kembali-item",
    title="Membuka kembali satu item",
    intro=(
        "Bila hanya satu item yang perlu dilaporkan atau diperbaiki pada periode yang sudah ditutup, "
        "bukalah kembali item itu saja untuk Perangkat Daerah pengampunya."
    ),
    steps=(
        Step(
            title="Buka formulir di halaman item",
            text=(
                "Di halaman item, di bawah daftar *Laporan*, tekan *Buka kembali item ini untuk "
                "Perangkat Daerah*."
            ),
            page=Page("monev:activity-detail", PROMOSI),
            target=Target("text", "Buka kembali item ini untuk Perangkat Daerah"),
            act=True,
        ),
        Step(
            title="Pilih periode dan tulis alasannya",
            text=(
                "Pilih *Jendela yang sudah ditutup*, tulis alasannya di *Alasan (dicatat)*, lalu tekan "
                "*Buka kembali*. Item itu muncul di Tugas saya Perangkat Daerah pengampunya, bertanda "
                "dibuka kembali, sampai jendela periode itu dibuka atau ditutup lagi."
            ),
            page=Page("monev:activity-detail", PROMOSI),
            target=Target("button", "Buka kembali"),
            continues=True,
            fill=(
                ("Jendela yang sudah ditutup", "TW II 2020"),
                ("Alasan (dicatat)", "Koreksi data promosi terbuka TW II sesuai SK yang terbit kemudian"),
            ),
        ),
    ),
)

REVIEW = Section(
    slug="verifikasi",
    title="Memeriksa dan memverifikasi laporan",
    intro=(
        "Hanya laporan yang sudah diverifikasi yang dihitung dalam capaian. Anda memeriksa laporan "
        "semua Perangkat Daerah; laporan yang Anda ajukan sendiri diperiksa orang lain."
    ),
    steps=(
        Step(
            title="Lihat berapa yang menunggu",
            text=(
                "*Tugas saya* menyebut berapa laporan yang menunggu verifikasi. Tekan *Buka antrean "
                "verifikasi*, atau pilih *Verifikasi laporan* di menu akun."
            ),
            page=Page("monev:tasks"),
            target=Target("link", "Buka antrean verifikasi"),
        ),
        Step(
            title="Saring antrean",
            text=(
                "Saring menurut *Area perubahan*, *Perangkat Daerah*, *Tahun* atau *Periode* bila "
                "antreannya panjang, lalu tekan *Saring*. Tekan nama item untuk membaca laporan lengkap "
                "dan membuka bukti dukungnya."
            ),
            page=Page("monev:verification"),
            target=Target("button", "Saring"),
        ),
        Step(
            title="Verifikasi yang sudah benar",
            text=(
                "Centang laporan yang sudah benar (kotak di judul kolom memilih semuanya), lalu tekan "
                "*Verifikasi terpilih*. Laporan itu langsung dihitung dalam capaian."
            ),
            page=Page("monev:verification"),
            target=Target("button", "Verifikasi terpilih"),
            fill=(("Pilih Promosi jabatan secara terbuka. 2020 TW III: 25", "on"),),
            act=True,
        ),
        Step(
            title="Kembalikan yang perlu diperbaiki",
            text=(
                "Centang laporannya dan tulis *Catatan untuk pelapor (wajib bila dikembalikan)*: apa "
                "yang kurang dan apa yang harus dilampirkan. Tekan *Kembalikan terpilih*. Pelapor "
                "menerima surel dan melihat catatan Anda di Tugas saya."
            ),
            page=Page("monev:verification"),
            target=Target("button", "Kembalikan terpilih"),
            continues=True,
            fill=(
                ("Pilih Penanganan gratifikasi. 2020 TW III: 100", "on"),
                (
                    "Catatan untuk pelapor (wajib bila dikembalikan)",
                    "Lampirkan rekap laporan gratifikasi TW III yang ditandatangani Inspektur.",
                ),
            ),
        ),
        Step(
            title="Atau periksa dari halaman item",
            text=(
                "Satu laporan juga dapat diperiksa dari halaman itemnya: tombol *Verifikasi* dan "
                "*Kembalikan* ada di bawah setiap laporan yang diajukan, dengan kotak catatannya."
            ),
            page=Page("monev:activity-detail", GRATIFIKASI),
            target=Target("button", "Verifikasi"),
        ),
    ),
)

CHASE = Section(
    slug="kelengkapan",
    title="Menagih laporan yang belum masuk",
    intro=(
        "Kelengkapan laporan menunjukkan siapa yang belum melapor. Aplikasi juga mengirim surel "
        "pengingat sendiri; halaman ini untuk penagihan lewat surat, telepon atau pesan."
    ),
    steps=(
        Step(
            title="Lihat siapa yang perlu dikejar",
            text=(
                "Buka menu akun dan pilih *Kelengkapan laporan*. Bagian *Yang perlu dikejar* menyebut "
                "setiap Perangkat Daerah yang belum melapor pada periode yang jendelanya sudah dibuka, "
                "berapa laporan dan sejak kapan. Tekan ringkasan di kolom *Yang belum dilaporkan* "
                "untuk melihat daftar itemnya."
            ),
            page=Page("dashboards:completeness", query="year=2020"),
            target=Target("heading", "Yang perlu dikejar", exact=False),
        ),
        Step(
            title="Baca matriksnya",
            text=(
                "*Matriks* menunjukkan setiap item setiap Perangkat Daerah per periode: terverifikasi, "
                "diajukan, dikembalikan, draf, belum ada, atau belum jatuh tempo. Saring menurut "
                "*Periode*, *Area perubahan* atau *Perangkat Daerah*, lalu tekan *Saring*."
            ),
            page=Page("dashboards:completeness", query="year=2020"),
            target=Target("heading", "Matriks", exact=False),
        ),
    ),
)

YEAR_END = Section(
    slug="laporan-tahunan",
    title="Menyusun laporan tahunan",
    intro=(
        "Laporan monev akhir tahun (Tabel 5.4) untuk Bupati dan Sekretaris Daerah disusun aplikasi "
        "dari laporan yang sudah diverifikasi. Anda melengkapi penandatangan dan status hambatan, "
        "lalu mencetaknya."
    ),
    steps=(
        Step(
            title="Atur penandatangan",
            text=(
                "Tekan *Laporan Tahunan* di menu utama, pilih *Tahun* lalu *Tampilkan*. Sebelum "
                "mencetak, tekan *Atur penandatangan* untuk mengisi nama, jabatan, pangkat dan NIP "
                "penandatangan."
            ),
            page=Page("dashboards:report", query="year=2020"),
            target=Target("link", "Atur penandatangan"),
        ),
        Step(
            title="Isi status hambatan tahun ini",
            text=(
                "Tekan Atur status hambatan di halaman laporan. Untuk setiap hambatan dari Tabel 2.1, "
                "pilih *Status* tahun ini dan tulis *Keterangan dan tindak lanjut*, lalu tekan "
                "*Simpan status hambatan 2020*."
            ),
            page=Page("dashboards:report-risks", query="year=2020"),
            target=Target("button", "Simpan status hambatan 2020"),
        ),
        Step(
            title="Cetak atau simpan sebagai PDF",
            text=(
                "Tekan *Cetak / simpan PDF* untuk mencetak laporan pada kertas A4, bernomor halaman "
                "dan dengan blok tanda tangan, atau menyimpannya sebagai PDF. *Unduh Excel* memberi "
                "isi yang sama dalam satu berkas Excel, satu lembar per bab."
            ),
            page=Page("dashboards:report", query="year=2020"),
            target=Target("button", "Cetak / simpan PDF"),
        ),
    ),
)

ACCOUNTS = Section(
    slug="akun",
    title="Mengelola akun",
    intro=(
        "Setiap admin Perangkat Daerah, staf dan anggota Tim Pengarah masuk dengan akunnya sendiri. "
        "Bila admin Perangkat Daerah berganti, buat akun untuk penggantinya dan nonaktifkan akun yang "
        "lama."
    ),
    steps=(
        Step(
            title="Buka Kelola akun",
            text="Buka menu akun dan pilih *Kelola akun*. Tekan *Tambah akun* untuk membuat akun baru.",
            page=Page("account-list"),
            target=Target("link", "Tambah akun"),
        ),
        Step(
            title="Isi akun baru",
            text=(
                "Isi *Nama pengguna* dan nama pemilik akun, pilih *Peran* dan, untuk admin Perangkat "
                "Daerah, *Perangkat Daerah*-nya. Isi *Kata sandi sementara*, tekan *Simpan*, dan "
                "sampaikan kata sandi itu langsung kepada pemiliknya: ia harus menggantinya saat "
                "pertama kali masuk."
            ),
            page=Page("account-create"),
            target=Target("label", "Peran"),
            fill=(
                ("Nama pengguna", "dinkes"),
                ("Nama depan", "Sri"),
                ("Nama belakang", "Rahayu"),
                ("Peran", "Admin Perangkat Daerah"),
            ),
        ),
        Step(
            title="Kata sandi lupa atau pemilik berganti",
            text=(
                "Buka akunnya dari daftar. Tekan *Atur kata sandi sementara* bila pemiliknya lupa kata "
                "sandi. Hapus centang *Aktif* lalu tekan *Simpan* untuk menonaktifkan akun orang yang "
                "sudah tidak bertugas; riwayat laporannya tetap tersimpan."
            ),
            page=Page("account-edit", ("account", "bkd")),
            target=Target("link", "Atur kata sandi sementara"),
        ),
    ),
)

EDITIONS = Section(
    slug="edisi",
    title="Menyiapkan road map berikutnya",
    intro=(
        "Road map berikutnya disusun sebagai rancangan: salinan road map yang berlaku, yang dapat "
        "diubah sebebasnya dan hanya terlihat oleh staf, sampai ditetapkan. Laporan yang dibuat pada "
        "road map lama tidak berubah."
    ),
    steps=(
        Step(
            title="Buka daftar edisi",
            text=(
                "Pilih *Road map* di menu utama, lalu Edisi dan perubahan road map. Daftarnya menandai "
                "edisi yang *Berlaku*. Tekan *Buat rancangan road map*."
            ),
            page=Page("editions:list"),
            target=Target("link", "Buat rancangan road map"),
        ),
        Step(
            title="Salin road map yang berlaku",
            text=(
                "Pilih edisi di *Salin dari edisi*, isi *Judul road map*, *Tahun mulai* dan *Tahun "
                "akhir*, lalu tekan *Buat rancangan*. Area, indikator beserta targetnya, kegiatan, "
                "quick wins, rencana aksi, tim dan hambatan ikut tersalin."
            ),
            page=Page("editions:create"),
            target=Target("button", "Buat rancangan"),
            fill=(("Judul road map", "Road Map Reformasi Birokrasi 2021-2024"),),
            act=True,
        ),
        Step(
            title="Ubah isi rancangan",
            text=(
                "Rancangan terbuka pada *Isi road map*: satu area per halaman (pilih areanya, atau "
                "Quick wins, pada deretan di atas) dengan indikator, kegiatan prioritas dan rencana "
                "aksinya, masing-masing dengan tombol ubah dan hapus. Tekan *Tambah indikator*, *Tambah "
                "kegiatan* atau *Tambah rencana aksi* pada areanya. Target diketik seperti tabel "
                "peraturan: 53,75, 3.900, BB atau Wajar Tanpa Pengecualian."
            ),
            page=Page("editions:content"),
            target=Target("link", "Tambah indikator"),
            continues=True,
        ),
        Step(
            title="Periksa, lalu tetapkan",
            text=(
                "Halaman rancangan menyebut apa yang masih kurang, misalnya indikator tanpa "
                "penanggung jawab data atau kegiatan tanpa Pengampu. Isinya juga dapat diisi lewat "
                "*Impor dari Excel*. Bila sudah lengkap, tekan *Tetapkan* dan isi nomor dan tanggal "
                "peraturannya: road map itu berlaku mulai tahun pertamanya."
            ),
            page=Page("editions:detail", ("edition", "Road Map Reformasi Birokrasi 2021-2024")),
            target=Target("link", "Tetapkan"),
        ),
    ),
)

AMENDMENTS = Section(
    slug="perubahan",
    title="Mencatat perubahan road map yang berlaku",
    intro=(
        "Road map yang sudah ditetapkan hanya diubah lewat perubahan yang dicatat: dasar hukumnya, "
        "alasannya dan tahun mulai berlakunya. Setiap item yang diubah atau dihapus menyimpan riwayat "
        "perubahan itu."
    ),
    steps=(
        Step(
            title="Buka edisi yang berlaku",
            text=("Dari daftar edisi, buka edisi yang *Berlaku* lalu tekan *Catat perubahan*."),
            page=Page("editions:detail", ("edition", "2020")),
            target=Target("link", "Catat perubahan"),
        ),
        Step(
            title="Isi dasar perubahan",
            text=(
                "Isi dasar perubahan, nomor dan tanggal dokumennya, alasan dan *Berlaku mulai tahun*, "
                "lalu tekan *Catat perubahan*. Setelah itu, ubah item road map dengan menyebut "
                "perubahan ini sebagai dasarnya."
            ),
            page=Page("editions:amendment-create", ("edition", "2020")),
            target=Target("button", "Catat perubahan"),
        ),
    ),
)

ROUNDS = Section(
    slug="putaran-pmprb",
    title="Menjalankan putaran PMPRB",
    intro=(
        "Penilaian Mandiri Pelaksanaan Reformasi Birokrasi (PMPRB) dijalankan per tahun dalam satu "
        "putaran: satu penilaian untuk Pemerintah Kabupaten, yang diisi staf, dan satu untuk setiap "
        "Perangkat Daerah. Inspektorat mereviu jawaban yang diajukan."
    ),
    steps=(
        Step(
            title="Buka putaran baru",
            text=(
                "Tekan *PMPRB* di menu utama. Halaman ini memuat setiap *Putaran penilaian* dan model "
                "evaluasinya. Tekan *Buka putaran baru*."
            ),
            page=Page("assessment:round-list"),
            target=Target("link", "Buka putaran baru"),
        ),
        Step(
            title="Pilih tahun, model dan Perangkat Daerah",
            text=(
                "Isi *Tahun yang dinilai*, pilih *Model evaluasi* dan centang *Perangkat Daerah yang "
                "menilai diri*, lalu tekan *Buka putaran*. Admin Perangkat Daerah yang dicentang dapat "
                "langsung mengisi kertas kerjanya."
            ),
            page=Page("assessment:round-open"),
            target=Target("button", "Buka putaran"),
            fill=(("Tahun yang dinilai", "2021"),),
        ),
        Step(
            title="Pantau dan tagih",
            text=(
                "Halaman putaran menunjukkan nilai per area dan komponen, *Nilai setiap penilaian*, "
                "dan bagian *Belum selesai* yang menyebut penilaian yang belum diajukan atau belum "
                "direviu. Tekan nama penilaian untuk membuka kertas kerjanya."
            ),
            page=Page("assessment:round-detail", ("round", "2020")),
            target=Target("heading", "Belum selesai", exact=False),
        ),
        Step(
            title="Cetak ringkasan dan tutup putaran",
            text=(
                "*Ringkasan untuk dicetak* memuat nilai setiap penilaian dan sub-komponen yang lemah; "
                "*Unduh Excel* memuat semua kertas kerja. Setelah reviu selesai, tekan *Tutup "
                "putaran*: Indeks RB-nya dapat dicatat sebagai realisasi terverifikasi indikatornya."
            ),
            page=Page("assessment:round-detail", ("round", "2020")),
            target=Target("link", "Tutup putaran"),
        ),
    ),
)

PLANS = Section(
    slug="rencana-aksi-pd",
    title="Memeriksa rencana aksi RB Perangkat Daerah",
    intro=(
        "Setiap Perangkat Daerah menyusun rencana aksi reformasi birokrasinya sendiri untuk dua tahun. "
        "Pokja menetapkan indikator standar yang masuk ke setiap rencana; Bagian Organisasi memeriksa "
        "rencana yang diajukan, dan target rencana yang sudah disetujui hanya berubah lewat revisi "
        "yang dicatat dengan alasannya."
    ),
    steps=(
        Step(
            title="Buka daftar rencana aksi",
            text=(
                "Pilih *Rencana Aksi PD* di menu utama. *Indikator standar Pokja* memuat indikator yang "
                "masuk ke setiap rencana. Rencana berstatus *Diajukan* menunggu pemeriksaan Anda: "
                "setujui, atau kembalikan dengan catatan pada baris yang perlu diperbaiki."
            ),
            page=Page("plans:plan-list"),
            target=Target("link", "Indikator standar Pokja"),
        ),
    ),
)

FINDINGS = Section(
    slug="tindak-lanjut",
    title="Menerbitkan dan memverifikasi temuan hasil monev",
    intro=(
        "Hasil monev yang masih perlu diperbaiki ditindaklanjuti oleh Perangkat Daerah penanggung "
        "jawab (Tabel 5.4). Staf menerbitkan temuan, Perangkat Daerah mencatat langkahnya dengan bukti "
        "dukung, dan staf memverifikasi penyelesaiannya atau mengembalikannya."
    ),
    steps=(
        Step(
            title="Buka daftar temuan",
            text=(
                "Pilih *Tindak Lanjut* di menu utama. Setelah satu tahun monev selesai, tombol Usulkan "
                "temuan mengumpulkan calon temuan tahun itu (target tidak tercapai, item yang tidak "
                "dilaporkan, rencana aksi belum selesai, sub-komponen PMPRB yang lemah, hambatan yang "
                "masih terjadi) untuk diperiksa "
                "lalu diterbitkan sekaligus. Arahan Tim Pengarah dicatat dengan *Tambah temuan*."
            ),
            page=Page("followup:register"),
            target=Target("link", "Tambah temuan"),
        ),
    ),
)


GUIDE = Guide(
    slug="staff",
    role="staff",
    title="Panduan Staf Bagian Organisasi",
    summary=(
        "Membuka jendela pelaporan, memverifikasi laporan, menagih Perangkat Daerah, menyusun laporan "
        "tahunan, mengelola akun, menjalankan PMPRB, memeriksa rencana aksi Perangkat Daerah, "
        "menerbitkan temuan dan mengubah road map."
    ),
    intro=(
        "Staf Bagian Organisasi menjalankan monev untuk seluruh kabupaten: membuka dan menutup "
        "jendela pelaporan, memeriksa laporan, menagih Perangkat Daerah yang belum melapor, menyusun "
        "laporan tahunan, mengelola akun, menjalankan putaran PMPRB, serta mencatat perubahan road map "
        "dan menyiapkan road map berikutnya. Staf juga dapat melaporkan atas nama Perangkat Daerah "
        "mana pun, dengan cara yang sama seperti dalam Panduan Admin Perangkat Daerah."
    ),
    account="organisasi",
    sections=(
        WINDOWS,
        REOPEN_ITEM,
        REVIEW,
        CHASE,
        YEAR_END,
        ACCOUNTS,
        ROUNDS,
        PLANS,
        FINDINGS,
        AMENDMENTS,
        EDITIONS,
    ),
)
