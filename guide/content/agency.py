"""Panduan Admin Perangkat Daerah: reporting a quarter, by form and by workbook, answering a return.

Screenshots: Inspektorat's account on the demo data (seed_demo), TW IV 2020 open.
"""

from guide.guides import Guide, Page, Section, Step, Target

GRATIFIKASI = ("activity", "Penanganan gratifikasi.")  # Inspektorat's, target 100 %
AUDIT = ("activity", "Audit laporan keuangan.")  # its TW I 2020 report was returned
ROW = ("row", "Penanganan Gratifikasi")  # an action-plan row Inspektorat leads

TASKS = Section(
    slug="tugas-saya",
    title="Melihat apa yang harus dikerjakan",
    intro=(
        "Halaman Tugas saya mengumpulkan semua yang perlu Anda kerjakan sekarang. Angka merah pada "
        "tombol Tugas saya di kanan atas setiap halaman menunjukkan jumlahnya."
    ),
    steps=(
        Step(
            title="Buka Tugas saya",
            text=(
                "Tekan *Tugas saya* di kanan atas. Bagian *Laporan dikembalikan* memuat laporan yang "
                "perlu Anda perbaiki, dengan catatan pemeriksanya. Di bawahnya, *Belum dilaporkan pada "
                "jendela yang terbuka* memuat setiap item yang belum dilaporkan untuk periode yang "
                "sedang dibuka, dengan batas akhirnya."
            ),
            page=Page("monev:tasks"),
            target=Target("heading", "Laporan dikembalikan", exact=False),
        ),
        Step(
            title="Mulai dari tombol Laporkan",
            text=(
                "Tekan *Laporkan* di baris sebuah item untuk langsung membuka formulir laporannya. "
                "Laporan yang pernah Anda simpan sebagai draf ada di bagian *Draf yang belum diajukan*: "
                "draf belum diperiksa dan belum dihitung sampai Anda mengajukannya."
            ),
            page=Page("monev:tasks"),
            target=Target("link", "Laporkan"),
        ),
    ),
)

REPORT = Section(
    slug="lapor-triwulan",
    title="Melaporkan realisasi triwulan dengan bukti dukung",
    intro=(
        "Realisasi dilaporkan per item (kegiatan prioritas atau indikator) untuk satu periode: "
        "TW I sampai TW IV, atau angka tahunan. Anda hanya dapat melapor pada periode yang jendela "
        "pelaporannya sedang dibuka oleh staf Bagian Organisasi."
    ),
    steps=(
        Step(
            title="Buka halaman item",
            text=(
                "Buka item dari Tugas saya, dari menu *Kegiatan Prioritas* atau *Indikator*, atau dari "
                "halaman Perangkat Daerah Anda. Halaman item menunjukkan target dan realisasi per "
                "tahun dan per triwulan. Tekan *Laporkan realisasi*."
            ),
            page=Page("monev:activity-detail", GRATIFIKASI),
            target=Target("link", "Laporkan realisasi"),
        ),
        Step(
            title="Pilih tahun dan periode",
            text=(
                "Pilih *Tahun* dan *Periode* yang dilaporkan; kotak di atas formulir menyebut periode "
                "yang sedang terbuka. Di sebelah kanan tertera target tahun itu dan penjelasan "
                "*Yang diisi:* untuk item ini, misalnya apakah angka triwulan diisi kumulatif."
            ),
            page=Page("monev:activity-report", GRATIFIKASI),
            target=Target("label", "Periode"),
            fill=(("Tahun", "2020"), ("Periode", "TW IV")),
        ),
        Step(
            title="Isi nilai realisasi dan keterangannya",
            text=(
                "Isi *Nilai realisasi* seperti angka di tabel target: koma untuk desimal (53,75), titik "
                "untuk ribuan (3.900). Bila memang tidak ada yang dihitung pada periode itu, centang "
                "Nihil dan jelaskan di *Keterangan*. Bila realisasi di bawah target, isi *Kendala* dan "
                "*Rencana tindak lanjut*: keduanya dikutip dalam laporan tahunan."
            ),
            page=Page("monev:activity-report", GRATIFIKASI),
            target=Target("label", "Nilai realisasi", exact=False),
            continues=True,
            fill=(
                ("Nilai realisasi (%)", "100"),
                ("Keterangan", "Tiga laporan gratifikasi diteruskan ke KPK dalam 7 hari kerja."),
            ),
        ),
        Step(
            title="Lampirkan bukti dukung",
            text=(
                "Pilih berkas di *Berkas bukti dukung* (PDF, gambar, Word, Excel atau PowerPoint), atau "
                "tempel alamat dokumen di *Tautan bukti dukung*. Laporan tanpa bukti dukung yang cukup "
                "dapat dikembalikan oleh pemeriksa."
            ),
            page=Page("monev:activity-report", GRATIFIKASI),
            target=Target("label", "Berkas bukti dukung"),
            fill=(("Berkas bukti dukung", "rekap-gratifikasi-tw4.pdf"),),
            continues=True,
        ),
        Step(
            title="Ajukan laporan",
            text=(
                "Tekan *Ajukan laporan*. Laporan yang diajukan menunggu verifikasi dan belum dihitung "
                "dalam capaian. *Simpan sebagai draf* menyimpan tanpa mengajukan: draf hanya terlihat "
                "oleh Perangkat Daerah Anda dan staf Bagian Organisasi."
            ),
            page=Page("monev:activity-report", GRATIFIKASI),
            target=Target("button", "Ajukan laporan"),
            continues=True,
            act=True,
        ),
        Step(
            title="Periksa laporan Anda",
            text=(
                "Pesan seperti *Realisasi TW IV 2020 diajukan.* memastikan laporan tersimpan. Di "
                "*Realisasi per triwulan* laporan itu bertanda *Diajukan* sampai diperiksa, dan angkanya "
                "tampil sebagai angka sementara. Selama belum diperiksa, Anda masih dapat mengubahnya "
                "lewat tautan *ubah* di daftar *Laporan*."
            ),
            page=Page("monev:activity-detail", GRATIFIKASI),
            target=Target("text", "Realisasi TW IV 2020 diajukan."),
            continues=True,
        ),
    ),
)

PROGRESS = Section(
    slug="rencana-aksi",
    title="Melaporkan kemajuan rencana aksi",
    intro=(
        "Setiap Perangkat Daerah Utama sebuah rencana aksi melaporkan bagiannya sendiri setiap "
        "triwulan. Rencana aksi selesai bila semua Utama melaporkan selesai; Perangkat Daerah "
        "pendukung mencatat kontribusinya secara terpisah."
    ),
    steps=(
        Step(
            title="Buka rencana aksi",
            text=(
                "Buka rencana aksi dari menu *Rencana Aksi* atau dari halaman Perangkat Daerah Anda. "
                "Tekan *Laporkan kemajuan 2020* pada tahun yang dilaporkan."
            ),
            page=Page("monev:action-row-detail", ROW),
            target=Target("link", "Laporkan kemajuan 2020"),
        ),
        Step(
            title="Isi status dan persen selesai",
            text=(
                "Pilih *Triwulan* lalu tekan *Tampilkan*. Untuk setiap aksi tahun itu, pilih *Status* "
                "pelaksanaan dan isi *Persen selesai*; tambahkan *Kendala* dan *Rencana tindak lanjut* "
                "bila pelaksanaannya tersendat, serta bukti dukung."
            ),
            page=Page("monev:action-progress", ROW, query="year=2020&quarter=4"),
            target=Target("label", "Status"),
            fill=(("Status", "Selesai"), ("Persen selesai", "100")),
        ),
        Step(
            title="Ajukan kemajuan",
            text=(
                "Tekan *Ajukan*. Seperti realisasi, kemajuan yang diajukan menunggu verifikasi "
                "sebelum dihitung dalam kemajuan rencana aksi."
            ),
            page=Page("monev:action-progress", ROW, query="year=2020&quarter=4"),
            target=Target("button", "Ajukan"),
            continues=True,
        ),
    ),
)

WORKBOOK = Section(
    slug="lapor-excel",
    title="Melaporkan lewat Excel",
    intro=(
        "Bila item Perangkat Daerah Anda banyak, isi semuanya sekaligus dalam satu berkas Excel, "
        "lalu unggah. Bukti dukung tetap dilampirkan di halaman masing-masing item."
    ),
    steps=(
        Step(
            title="Unduh templat",
            text=(
                "Buka menu akun (nama Anda di kanan atas) dan pilih *Lapor lewat Excel*. Pilih *Tahun* "
                "dan *Periode*, lalu tekan *Unduh templat (.xlsx)*. Templat berisi tepat kegiatan yang "
                "diampu dan rencana aksi yang dipimpin Perangkat Daerah Anda, beserta laporan yang "
                "sudah ada."
            ),
            page=Page("monev:import"),
            target=Target("button", "Unduh templat (.xlsx)"),
            fill=(("Tahun", "2020"), ("Periode", "TW IV")),
        ),
        Step(
            title="Isi templat, lalu unggah",
            text=(
                "Buka berkas itu di Excel atau LibreOffice Calc dan isi kolom berlatar kuning saja; "
                "jangan mengubah kolom lain. Simpan, lalu kembali ke halaman ini, pilih berkasnya di "
                "*Templat yang sudah diisi (.xlsx)* dan tekan *Unggah dan tampilkan pratinjau*. Belum "
                "ada yang disimpan pada langkah ini."
            ),
            page=Page("monev:import"),
            target=Target("button", "Unggah dan tampilkan pratinjau"),
            scene="choose-filled-template",
            act=True,
        ),
        Step(
            title="Periksa pratinjau, lalu simpan",
            text=(
                "Pratinjau menunjukkan setiap baris yang baru atau berubah (nilai lama → nilai baru) "
                "dan setiap kesalahan dengan nomor baris, kolom dan penjelasannya. Perbaiki berkas yang "
                "salah lalu unggah lagi. Bila semuanya benar, tekan *Simpan dan ajukan*: laporan yang "
                "tersimpan berstatus diajukan dan menunggu verifikasi."
            ),
            page=Page("monev:import-preview"),
            target=Target("button", "Simpan dan ajukan", exact=False),
            continues=True,
        ),
    ),
)

RETURNED = Section(
    slug="laporan-dikembalikan",
    title="Menjawab laporan yang dikembalikan",
    intro=(
        "Pemeriksa mengembalikan laporan yang perlu diperbaiki, dengan catatan apa yang kurang. Anda "
        "juga menerima surel saat laporan dikembalikan."
    ),
    steps=(
        Step(
            title="Baca catatan pemeriksa",
            text=(
                "Di Tugas saya, bagian *Laporan dikembalikan* memuat laporan itu dengan *Catatan "
                "pemeriksa*. Tekan *Perbaiki*. Bila jendela periode itu sudah ditutup, mintalah staf "
                "Bagian Organisasi membuka kembali item itu untuk Anda."
            ),
            page=Page("monev:tasks"),
            target=Target("link", "Perbaiki"),
        ),
        Step(
            title="Betulkan dan ajukan lagi",
            text=(
                "Formulir terbuka pada periode laporan itu; kotak di atasnya mengulang nilai yang "
                "dilaporkan dan catatan pemeriksa. Betulkan nilainya atau lengkapi bukti dukung sesuai "
                "catatan, lalu tekan *Ajukan laporan*. Laporan itu kembali menunggu verifikasi."
            ),
            page=Page("monev:activity-report", AUDIT, query="year=2020&period=q1"),
            target=Target("button", "Ajukan laporan"),
            fill=(
                ("Tautan bukti dukung", "https://pekalongankab.go.id/"),
                ("Judul bukti dukung", "Daftar Perangkat Daerah yang sudah diaudit TW I 2020"),
            ),
        ),
    ),
)

POKJA = Section(
    slug="pokja",
    title="Memeriksa laporan sebagai anggota Pokja",
    intro=(
        "Bila Perangkat Daerah Anda anggota Kelompok Kerja (Pokja) sebuah area perubahan, Anda ikut "
        "memeriksa laporan item area itu dari Perangkat Daerah lain (Tim Gabungan). Laporan "
        "Perangkat Daerah Anda sendiri selalu diperiksa orang lain."
    ),
    account="bag-organisasi",  # in the Pengawasan Pokja: reviews Inspektorat's reports there
    steps=(
        Step(
            title="Buka antrean verifikasi",
            text=(
                "Buka menu akun dan pilih *Verifikasi laporan*. Daftar *Realisasi indikator dan "
                "kegiatan* dan *Kemajuan rencana aksi* memuat laporan yang sudah diajukan untuk item "
                "area Pokja Anda. Tekan nama item untuk membaca laporan lengkap dan membuka bukti "
                "dukungnya."
            ),
            page=Page("monev:verification"),
            target=Target("heading", "Realisasi indikator dan kegiatan", exact=False),
        ),
        Step(
            title="Verifikasi atau kembalikan",
            text=(
                "Centang laporan yang sudah benar, lalu tekan *Verifikasi terpilih*. Untuk laporan yang "
                "perlu diperbaiki, tulis *Catatan untuk pelapor (wajib bila dikembalikan)*, centang "
                "laporannya, lalu tekan *Kembalikan terpilih*."
            ),
            page=Page("monev:verification"),
            target=Target("button", "Verifikasi terpilih"),
            fill=(("Pilih Penanganan gratifikasi. 2020 TW III: 100", "on"),),
        ),
    ),
)

PMPRB = Section(
    slug="pmprb",
    title="Mengisi penilaian mandiri PMPRB",
    intro=(
        "Setiap tahun staf Bagian Organisasi membuka putaran Penilaian Mandiri Pelaksanaan Reformasi "
        "Birokrasi (PMPRB). Perangkat Daerah Anda mengisi kertas kerjanya sendiri: satu jawaban per "
        "pertanyaan, dengan penjelasan dan bukti dukung. Inspektorat mereviu jawaban yang diajukan."
    ),
    account="bkd",  # Inspektorat reviews the PMPRB: another agency shows the answering side
    steps=(
        Step(
            title="Buka kertas kerja Perangkat Daerah Anda",
            text=(
                "Tekan *PMPRB* di menu utama. Di bagian *Penilaian Perangkat Daerah Anda*, tekan tombol "
                "*Isi PMPRB 2020* untuk membuka kertas kerja tahun itu."
            ),
            page=Page("assessment:round-list"),
            target=Target("link", "Isi PMPRB 2020", exact=False),
        ),
        Step(
            title="Pilih sub-komponen",
            text=(
                "Kertas kerja memuat setiap sub-komponen dengan bobot, skor dan berapa pertanyaan yang "
                "sudah terjawab. Tekan *Isi jawaban* pada sub-komponen yang akan diisi."
            ),
            page=Page("assessment:assessment-detail", ("assessment", "bkd")),
            target=Target("link", "Isi jawaban", exact=False),
        ),
        Step(
            title="Jawab, jelaskan dan lampirkan bukti",
            text=(
                "Untuk setiap pertanyaan, pilih atau isi jawabannya, tulis *Penjelasan*, lalu lampirkan "
                "*Berkas bukti dukung* atau *Tautan bukti dukung*. Jawaban yang diambil dari data "
                "aplikasi diberi keterangan sumbernya: periksa sebelum menyimpan."
            ),
            page=Page("assessment:assessment-answer", ("answer", "bkd/manajemen-perubahan")),
            target=Target("label", "Penjelasan"),
            scene="answer-first-question",
        ),
        Step(
            title="Simpan jawaban",
            text=(
                "Tekan *Simpan draf* di bawah halaman, atau tombol *Simpan, lanjut ke* untuk langsung "
                "membuka sub-komponen berikutnya. Jawaban tersimpan sebagai draf dan dapat diubah "
                "sampai diajukan."
            ),
            page=Page("assessment:assessment-answer", ("answer", "bkd/manajemen-perubahan")),
            target=Target("button", "Simpan draf"),
            continues=True,
            act=True,
        ),
        Step(
            title="Ajukan untuk direviu",
            text=(
                "Setelah semua pertanyaan terjawab, kembali ke kertas kerja dan tekan *Ajukan penilaian "
                "untuk direviu*. Reviewer dapat menyetujui jawaban atau mengembalikannya dengan "
                "catatan; jawaban yang dikembalikan tampil dengan catatan itu untuk Anda perbaiki."
            ),
            page=Page("assessment:assessment-detail", ("assessment", "bkd")),
            target=Target("button", "Ajukan penilaian untuk direviu"),
        ),
    ),
)

PMPRB_REVIEW = Section(
    slug="reviu-pmprb",
    title="Mereviu PMPRB Perangkat Daerah (Inspektorat)",
    intro=(
        "Admin Inspektorat adalah tim PMPRB: mereka mereviu jawaban yang diajukan Perangkat Daerah "
        "lain, tidak pernah jawaban Inspektorat sendiri. Jawaban yang diajukan sudah dihitung dalam "
        "skor; reviu menyetujuinya, menggantinya dengan jawaban reviewer, atau mengembalikannya "
        "sehingga tidak dihitung sampai diperbaiki dan diajukan lagi."
    ),
    account="inspektorat",
    steps=(
        Step(
            title="Buka kertas kerja yang diajukan",
            text=(
                "Tekan *PMPRB* di menu utama, buka putaran tahun itu, lalu buka kertas kerja "
                "Perangkat Daerah yang sudah mengajukan jawabannya. Pada setiap jawaban yang diajukan "
                "ada tombol *Reviu*."
            ),
            page=Page("assessment:assessment-detail", ("assessment", "bpkd")),
            target=Target("link", "Reviu", exact=False),
            act=True,
        ),
        Step(
            title="Setujui, tetapkan jawaban reviewer, atau kembalikan",
            text=(
                "Periksa jawaban, penjelasan dan bukti dukungnya di samping formulir, lalu pilih "
                "*Hasil reviu*. Untuk *Tetapkan jawaban reviewer* isi jawaban reviewer; untuk itu dan "
                "untuk *Kembalikan untuk diperbaiki* tulis *Catatan reviewer*, yang dibaca Perangkat "
                "Daerah di kertas kerjanya. Tekan *Simpan reviu*."
            ),
            page=Page("assessment:answer-review"),
            target=Target("button", "Simpan reviu"),
            fill=(("Setuju dengan jawaban ini", "on"),),
            continues=True,
        ),
        Step(
            title="Setujui yang tersisa sekaligus",
            text=(
                "Bila jawaban lain yang diajukan sudah Anda periksa dan sesuai, tekan tombol Setujui "
                "(jumlahnya) *jawaban yang diajukan* di atas kertas kerja: semuanya disetujui dalam satu "
                "langkah dan tercatat atas nama Anda."
            ),
            page=Page("assessment:assessment-detail", ("assessment", "bpkd")),
            target=Target("button", "jawaban yang diajukan", exact=False),
        ),
    ),
)

PLAN = Section(
    slug="rencana-aksi-pd",
    title="Menyusun dan melaporkan rencana aksi RB Perangkat Daerah",
    intro=(
        "Setiap Perangkat Daerah menyusun rencana aksi reformasi birokrasinya sendiri untuk dua tahun "
        "(Bab IV.D.3). Rencana yang disetujui Bagian Organisasi dilaporkan per triwulan seperti "
        "indikator road map, dengan formulir dan bukti dukung yang sama."
    ),
    steps=(
        Step(
            title="Buka rencana aksi Perangkat Daerah Anda",
            text=(
                "Pilih *Rencana Aksi PD* di menu utama. Rencana baru dibuat dengan memilih periode lalu "
                "*Buat draf*; indikator standar Pokja sudah termasuk di dalamnya, tinggal diberi target. "
                "Setelah semua target terisi, ajukan rencana untuk diperiksa Bagian Organisasi."
            ),
            page=Page("plans:plan-list"),
            target=Target("button", "Buat draf"),
        ),
    ),
)

FOLLOWUP = Section(
    slug="tindak-lanjut",
    title="Menindaklanjuti temuan hasil monev",
    intro=(
        "Hasil monev yang masih perlu diperbaiki menjadi temuan dengan rekomendasi dan batas waktu "
        "(Tabel 5.4). Perangkat Daerah penanggung jawab mencatat langkah tindak lanjutnya dengan bukti "
        "dukung; staf Bagian Organisasi memverifikasi penyelesaiannya."
    ),
    steps=(
        Step(
            title="Buka daftar temuan",
            text=(
                "Pilih *Tindak Lanjut* di menu utama. Yang tampil hanya temuan Perangkat Daerah Anda; "
                "temuan yang *Melewati batas waktu* ditandai merah. Buka sebuah temuan untuk mencatat "
                "langkah tindak lanjut dan melampirkan bukti dukungnya."
            ),
            page=Page("followup:register"),
            target=Target("heading", "Tindak lanjut hasil monev"),
        ),
    ),
)


GUIDE = Guide(
    slug="agency-admin",
    role="agency_admin",
    title="Panduan Admin Perangkat Daerah",
    summary=(
        "Melaporkan realisasi dan kemajuan rencana aksi Perangkat Daerah Anda, lewat formulir atau "
        "Excel, menjawab laporan yang dikembalikan, mengisi penilaian mandiri PMPRB, menyusun "
        "rencana aksi Perangkat Daerah dan menindaklanjuti temuan."
    ),
    intro=(
        "Sebagai admin Perangkat Daerah, Anda melaporkan realisasi kegiatan prioritas dan indikator "
        "yang menjadi tanggung jawab Perangkat Daerah Anda, serta kemajuan rencana aksi yang "
        "dipimpinnya, setiap triwulan dengan bukti dukung. Staf Bagian Organisasi atau anggota Pokja "
        "memeriksa laporan Anda; hanya laporan yang sudah diverifikasi yang dihitung dalam capaian. "
        "Nama pengguna dan kata sandi pertama Anda diberikan oleh staf Bagian Organisasi; gantilah "
        "kata sandi itu saat pertama kali masuk."
    ),
    account="inspektorat",
    sections=(TASKS, REPORT, PROGRESS, WORKBOOK, RETURNED, PMPRB, PMPRB_REVIEW, PLAN, FOLLOWUP, POKJA),
    also_for=("staff",),
)
